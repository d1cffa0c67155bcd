package dev.kfboot.cluster.argocd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts a sync by writing the Application's {@code operation} field, and never starts two. Before writing it
 * reads the app fresh and does nothing when an operation is requested or running, when the operation with this
 * id already ran, or (if asked) when the app is already Synced and Healthy. The write carries the
 * resourceVersion it read, so a write that raced with Argo CD, or a retry of a write whose answer was lost but
 * which went through, gets a 409 and is decided again on a fresh read instead of being repeated.
 */
public final class OperationTrigger {

    /** What a trigger did. */
    public enum Outcome {
        /** This call wrote the operation. */
        TRIGGERED,
        /** The operation with this id is already requested or ran: nothing written (a retry found its own write). */
        ALREADY_OURS,
        /** Another operation is requested or running: nothing written. */
        BUSY,
        /** Already Synced and Healthy and the caller did not insist: nothing written. */
        IN_TARGET_STATE,
        /** The app is being deleted. */
        DELETING
    }

    private final Applications apps;

    public OperationTrigger(Applications apps) {
        this.apps = apps;
    }

    public Outcome trigger(String app, SyncRequest request, String id, boolean skipIfSyncedAndHealthy) {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        apps.edit(app, false, "starting a sync of " + app, fresh -> {
            Outcome o = decide(fresh, id, skipIfSyncedAndHealthy);
            outcome.set(o);
            if (o != Outcome.TRIGGERED) return null;
            fresh.setAdditionalProperty("operation", request.operation(id));
            return fresh;
        });
        return outcome.get();
    }

    static Outcome decide(GenericKubernetesResource fresh, String id, boolean skipIfSyncedAndHealthy) {
        AppStatus s = AppStatus.of(fresh);
        if (s.deleting()) return Outcome.DELETING;
        Object requested = fresh.getAdditionalProperties().get("operation");
        if (requested instanceof Map<?, ?> op) {
            @SuppressWarnings("unchecked")
            String requestedId = LastOperation.kfbootId((Map<String, Object>) op);
            return id.equals(requestedId) ? Outcome.ALREADY_OURS : Outcome.BUSY;
        }
        if (s.lastOperation() != null && id.equals(s.lastOperation().kfbootId())) return Outcome.ALREADY_OURS;
        if (s.lastOperation() != null && s.lastOperation().running()) return Outcome.BUSY;
        if (skipIfSyncedAndHealthy && s.syncedAndHealthy()) return Outcome.IN_TARGET_STATE;
        return Outcome.TRIGGERED;
    }
}
