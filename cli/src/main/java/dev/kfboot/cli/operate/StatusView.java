package dev.kfboot.cli.operate;

import dev.kfboot.cli.TextTable;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.LastOperation;
import dev.kfboot.cluster.health.HealthStatus;
import java.util.List;

/** How {@code status} (and {@code watch}) show Applications: a table, or JSON and YAML with the same records. */
public final class StatusView {

    private StatusView() {}

    static String table(List<AppStatus> apps) {
        TextTable t = new TextTable("WAVE", "APP", "SYNC", "HEALTH", "REVISION", "LAST-OP", "AUTO-SYNC", "MESSAGE");
        for (AppStatus a : apps) {
            t.row(
                    a.wave(),
                    a.name(),
                    a.syncLabel(),
                    a.health().label(),
                    shortRevision(a.revision()),
                    lastOp(a.lastOperation()),
                    autoSync(a),
                    TextTable.clip(a.message(), 70));
        }
        StringBuilder sb = new StringBuilder(t.render());
        for (AppStatus a : apps) {
            if (a.retriesExhausted()) {
                sb.append("! automated sync of ")
                        .append(a.name())
                        .append(" gave up on revision ")
                        .append(shortRevision(a.revision()))
                        .append(" after ")
                        .append(a.lastOperation().retryCount())
                        .append(" retries; Argo CD will not try it again: ")
                        .append("fix the cause, then `kfboot sync ")
                        .append(a.name())
                        .append("`\n");
            }
        }
        return sb.toString();
    }

    static String summary(List<AppStatus> apps) {
        long ok = apps.stream().filter(AppStatus::syncedAndHealthy).count();
        return ok + " of " + apps.size() + " applications Synced and Healthy";
    }

    /** {@code status -o json}: the namespace, the counts, every Application. */
    record Document(String namespace, int total, long syncedAndHealthy, List<AppDoc> apps) {}

    /** @param lastOperation null when it never ran one */
    record AppDoc(
            int wave,
            String name,
            String sync,
            String health,
            String healthMessage,
            String revision,
            String targetRevision,
            boolean automated,
            boolean retriesExhausted,
            boolean operationInFlight,
            OperationDoc lastOperation,
            List<ConditionDoc> conditions) {}

    /** @param initiatedBy who started it: "automated sync" or a user name */
    record OperationDoc(
            String phase,
            String message,
            String startedAt,
            String finishedAt,
            long retryCount,
            String revision,
            String initiatedBy) {}

    record ConditionDoc(String type, String message) {}

    public static Document document(String namespace, List<AppStatus> apps) {
        return new Document(
                namespace,
                apps.size(),
                apps.stream().filter(AppStatus::syncedAndHealthy).count(),
                apps.stream().map(StatusView::app).toList());
    }

    private static AppDoc app(AppStatus a) {
        LastOperation op = a.lastOperation();
        return new AppDoc(
                a.wave(),
                a.name(),
                a.syncLabel(),
                a.health().label(),
                a.healthMessage(),
                a.revision(),
                a.targetRevision(),
                a.automated(),
                a.retriesExhausted(),
                a.operationInFlight(),
                op == null
                        ? null
                        : new OperationDoc(
                                op.phase(),
                                op.message(),
                                op.startedAt(),
                                op.finishedAt(),
                                op.retryCount(),
                                op.revision(),
                                op.automated() ? "automated sync" : op.initiatedBy()),
                a.conditions().stream()
                        .map(c -> new ConditionDoc(c.type(), c.message()))
                        .toList());
    }

    static String shortRevision(String r) {
        return r != null && r.matches("[0-9a-f]{40}") ? r.substring(0, 7) : r == null || r.isEmpty() ? "-" : r;
    }

    static String lastOp(LastOperation op) {
        return op == null ? "-" : op.phase() == null ? "-" : op.phase();
    }

    static String autoSync(AppStatus a) {
        if (!a.automated()) return "off";
        return a.retriesExhausted() ? "gave up!" : "on";
    }

    /** "Synced/Healthy", "OutOfSync/Missing: message", "syncing: message", "not compared by Argo CD yet". */
    public static String state(AppStatus a) {
        if (a.operationInFlight()) {
            LastOperation op = a.lastOperation();
            if (op == null || !op.running()) return "sync requested";
            return "syncing" + (op.message() == null ? "" : ": " + TextTable.clip(op.message(), 100));
        }
        if (a.sync().isEmpty() && a.lastOperation() == null && a.health() == HealthStatus.UNKNOWN) {
            return "not compared by Argo CD yet";
        }
        String s = a.syncLabel() + "/" + a.health().label();
        String m = a.message();
        return m.isEmpty() || a.syncedAndHealthy() ? s : s + ": " + TextTable.clip(m, 100);
    }
}
