package dev.kfboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.LastOperation;
import dev.kfboot.cluster.health.HealthStatus;
import dev.kfboot.model.Json;
import java.util.List;

/** How {@code status} (and {@code watch}) show Applications: a table, or JSON with the same records. */
final class StatusView {

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

    static String json(String namespace, List<AppStatus> apps) {
        ObjectNode root = Json.object();
        root.put("namespace", namespace);
        root.put("total", apps.size());
        root.put(
                "syncedAndHealthy",
                apps.stream().filter(AppStatus::syncedAndHealthy).count());
        ArrayNode list = root.putArray("apps");
        for (AppStatus a : apps) {
            ObjectNode o = list.addObject();
            o.put("wave", a.wave());
            o.put("name", a.name());
            o.put("sync", a.syncLabel());
            o.put("health", a.health().label());
            o.put("healthMessage", a.healthMessage());
            o.put("revision", a.revision());
            o.put("targetRevision", a.targetRevision());
            o.put("automated", a.automated());
            o.put("retriesExhausted", a.retriesExhausted());
            o.put("operationInFlight", a.operationInFlight());
            LastOperation op = a.lastOperation();
            if (op == null) o.putNull("lastOperation");
            else {
                ObjectNode j = o.putObject("lastOperation");
                j.put("phase", op.phase());
                j.put("message", op.message());
                j.put("startedAt", op.startedAt());
                j.put("finishedAt", op.finishedAt());
                j.put("retryCount", op.retryCount());
                j.put("revision", op.revision());
                j.put("initiatedBy", op.automated() ? "automated sync" : op.initiatedBy());
            }
            ArrayNode conditions = o.putArray("conditions");
            for (AppStatus.Condition c : a.conditions())
                conditions.addObject().put("type", c.type()).put("message", c.message());
        }
        return Json.pretty(root);
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
    static String state(AppStatus a) {
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
