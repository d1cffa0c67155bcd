package dev.kfboot.cluster.argocd;

import dev.kfboot.model.Fields;
import java.util.Map;

/**
 * An Application's {@code status.operationState}: the last (or running) operation.
 *
 * @param kfbootId  the id kfboot stamped on the operation, null when someone else started it
 * @param automated whether Argo CD's automated sync started it
 * @param revision  the revision it synced to (from its result), or the one it was asked for
 */
public record LastOperation(
        String phase,
        String message,
        String kfbootId,
        String startedAt,
        String finishedAt,
        long retryCount,
        String revision,
        boolean automated,
        String initiatedBy) {

    static LastOperation of(Map<String, Object> state) {
        if (state.isEmpty()) return null;
        Map<String, Object> op = Fields.map(state, "operation");
        String revision = Fields.string(state, "syncResult", "revision");
        if (revision == null) revision = Fields.string(op, "sync", "revision");
        return new LastOperation(
                Fields.string(state, "phase"),
                Fields.string(state, "message"),
                kfbootId(op),
                Fields.string(state, "startedAt"),
                Fields.string(state, "finishedAt"),
                Fields.number(state, 0, "retryCount"),
                revision,
                Fields.bool(op, "initiatedBy", "automated"),
                Fields.string(op, "initiatedBy", "username"));
    }

    /** The kfboot id in an operation's {@code info}, or null. */
    static String kfbootId(Map<String, Object> operation) {
        for (Map<String, Object> i : Fields.maps(operation, "info")) {
            if (ArgoResources.OPERATION_INFO.equals(Fields.string(i, "name"))) return Fields.string(i, "value");
        }
        return null;
    }

    public boolean running() {
        return "Running".equals(phase) || "Terminating".equals(phase);
    }

    public boolean failed() {
        return "Failed".equals(phase) || "Error".equals(phase);
    }

    public boolean succeeded() {
        return "Succeeded".equals(phase);
    }
}
