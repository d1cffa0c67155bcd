package dev.kfboot.cluster.argocd;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cluster.health.HealthStatus;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Application as kfboot reports and drives it.
 *
 * @param sync              {@code status.sync.status}: Synced, OutOfSync, Unknown, or "" before Argo CD compared it
 * @param revision          the revision it is synced to or compared against ({@code status.sync.revision})
 * @param operationInFlight an operation is requested or running: a new one must not be written
 * @param lastOperation     {@code status.operationState}, null when it never ran one
 * @param automated         automated sync is on
 * @param retryLimit        {@code syncPolicy.retry.limit}, or -1 when not set
 */
public record AppStatus(
        String name,
        int wave,
        String project,
        String sync,
        HealthStatus health,
        String healthMessage,
        String revision,
        String targetRevision,
        boolean automated,
        long retryLimit,
        boolean operationInFlight,
        LastOperation lastOperation,
        List<Condition> conditions,
        boolean deleting,
        String refreshRequested) {

    /** One {@code status.conditions[]} entry, e.g. SyncError, ComparisonError, SharedResourceWarning. */
    public record Condition(String type, String message) {}

    public AppStatus {
        conditions = List.copyOf(conditions);
    }

    public static AppStatus of(GenericKubernetesResource app) {
        ObjectMeta meta = app.getMetadata();
        Map<String, Object> body = app.getAdditionalProperties();
        Map<String, Object> spec = Fields.map(body, "spec");
        Map<String, Object> status = Fields.map(body, "status");
        LastOperation last = LastOperation.of(Fields.map(status, "operationState"));
        boolean inFlight = body.get("operation") instanceof Map || (last != null && last.running());
        List<Condition> conditions = new ArrayList<>();
        for (Map<String, Object> c : Fields.maps(status, "conditions")) {
            conditions.add(new Condition(Fields.stringOr(c, "", "type"), Fields.stringOr(c, "", "message")));
        }
        String target = Fields.string(spec, "source", "targetRevision");
        if (target == null && !Fields.maps(spec, "sources").isEmpty()) {
            target = Fields.string(Fields.maps(spec, "sources").get(0), "targetRevision");
        }
        String healthText = Fields.string(status, "health", "status");
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        return new AppStatus(
                meta.getName(),
                wave(annotations.get(ArgoCd.SYNC_WAVE)),
                Fields.string(spec, "project"),
                Fields.stringOr(status, "", "sync", "status"),
                healthText == null ? HealthStatus.UNKNOWN : HealthStatus.parse(healthText),
                Fields.stringOr(status, "", "health", "message"),
                Fields.stringOr(status, "", "sync", "revision"),
                target == null ? "HEAD" : target,
                Fields.has(spec, "syncPolicy", "automated")
                        && !"false".equals(Fields.string(spec, "syncPolicy", "automated", "enabled")),
                Fields.number(spec, -1, "syncPolicy", "retry", "limit"),
                inFlight,
                last,
                conditions,
                meta.getDeletionTimestamp() != null,
                annotations.get(ArgoResources.REFRESH_ANNOTATION));
    }

    static int wave(String annotation) {
        if (annotation == null) return 0;
        try {
            return Integer.parseInt(annotation.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean syncedAndHealthy() {
        return "Synced".equals(sync) && health == HealthStatus.HEALTHY && !operationInFlight;
    }

    /** The last operation failed and nothing runs now. */
    public boolean failed() {
        return !operationInFlight && lastOperation != null && lastOperation.failed();
    }

    /**
     * Automated sync has given up on the current revision: its last automated attempt failed after the retry
     * limit, and Argo CD does not attempt a revision again once it failed. Someone must sync it (facts.md).
     */
    public boolean retriesExhausted() {
        if (!automated || !failed() || !lastOperation.automated()) return false;
        boolean sameRevision = lastOperation.revision() == null
                || revision.isEmpty()
                || lastOperation.revision().equals(revision);
        return sameRevision && lastOperation.retryCount() >= Math.max(0, retryLimit);
    }

    /** The most telling message: a failed operation's, else the health's, else the first condition's. */
    public String message() {
        if (failed() && lastOperation.message() != null) return lastOperation.message();
        if (!healthMessage.isEmpty()) return healthMessage;
        if (!conditions.isEmpty())
            return conditions.get(0).type() + ": " + conditions.get(0).message();
        if (lastOperation != null && lastOperation.message() != null && !syncedAndHealthy())
            return lastOperation.message();
        return "";
    }

    public String syncLabel() {
        return sync.isEmpty() ? "Unknown" : sync;
    }
}
