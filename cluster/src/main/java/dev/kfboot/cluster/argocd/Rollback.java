package dev.kfboot.cluster.argocd;

import dev.kfboot.cluster.ClusterException;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Returns an Application to a deployment of its history, the way Argo CD's own rollback does: a sync operation
 * to that entry's revision and source. Argo CD refuses a rollback while automated sync is on (it would sync
 * forward again at once), so kfboot switches automated sync off first and says so.
 */
public final class Rollback {

    /** What the rollback did. */
    public record Started(HistoryEntry entry, boolean autoSyncSwitchedOff) {}

    private final Applications apps;

    public Rollback(Applications apps) {
        this.apps = apps;
    }

    public Started start(String app, long historyId, String operationId) {
        GenericKubernetesResource live = apps.require(app);
        List<HistoryEntry> history = HistoryEntry.of(live);
        HistoryEntry entry = history.stream()
                .filter(h -> h.id() == historyId)
                .findFirst()
                .orElseThrow(() -> new InputException(
                        Location.NONE,
                        "Application " + app + " has no history entry " + historyId,
                        history.isEmpty()
                                ? app + " has no history yet: it was never synced"
                                : "its entries: "
                                        + String.join(
                                                ", ",
                                                history.stream()
                                                        .map(h -> String.valueOf(h.id()))
                                                        .toList()) + " (see `kfboot history " + app + "`)"));
        boolean automated = AppStatus.of(live).automated();
        if (automated) {
            apps.edit(app, false, "switching off automated sync of " + app, a -> {
                Object policy =
                        ((Map<?, ?>) a.getAdditionalProperties().getOrDefault("spec", Map.of())).get("syncPolicy");
                if (policy instanceof Map<?, ?> p) p.remove("automated");
                return a;
            });
        }
        SyncRequest request = new SyncRequest(
                false, false, false, false, entry.revision(), entry.source().isEmpty() ? null : entry.source(), null);
        OperationTrigger.Outcome o = new OperationTrigger(apps).trigger(app, request, operationId, false);
        if (o == OperationTrigger.Outcome.BUSY || o == OperationTrigger.Outcome.DELETING) {
            throw new ClusterException(
                    ClusterException.Kind.FAILED,
                    o == OperationTrigger.Outcome.BUSY
                            ? "another operation is running on " + app
                            : app + " is being deleted",
                    "wait for it to end (`kfboot watch`), then roll back");
        }
        return new Started(entry, automated);
    }
}
