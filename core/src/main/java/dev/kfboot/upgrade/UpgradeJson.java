package dev.kfboot.upgrade;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.model.Json;
import dev.kfboot.model.Severity;

/**
 * {@code upgrade -o json}: {@code {"from", "to", "live", "needsDecision", "changes": [{"type", "severity", "app",
 * "fromApp", "resource", "newResource", "field", "old", "new", "message", "fix", "syncOptions"}], "kept": [{"app",
 * "resource", "reason"}]}}, the same records the text prints, unfolded, in the same order.
 */
public final class UpgradeJson {

    private UpgradeJson() {}

    public static ObjectNode toJson(UpgradePlan plan) {
        ObjectNode root = Json.object();
        root.put("from", plan.from());
        root.put("to", plan.to());
        root.put("live", plan.live());
        root.put("needsDecision", plan.needsDecision());
        ObjectNode counts = root.putObject("counts");
        for (Severity s : Severity.values()) counts.put(s.label(), plan.count(s));
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            ObjectNode n = changes.addObject();
            n.put("type", c.type().slug());
            n.put("severity", c.severity().label());
            n.put("app", c.app());
            n.put("wave", plan.targetWaves().get(c.app()));
            n.put("fromApp", c.fromApp());
            n.put("resource", c.id() == null ? null : c.id().toString());
            n.put("newResource", c.newId() == null ? null : c.newId().toString());
            n.put("field", c.field());
            n.put("old", c.oldValue());
            n.put("new", c.newValue());
            n.put("message", c.message());
            n.put("fix", c.fix());
            n.put("syncOptions", c.syncOptions());
        }
        ArrayNode kept = root.putArray("kept");
        for (UpgradePlan.Kept k : plan.kept()) {
            ObjectNode n = kept.addObject();
            n.put("app", k.app());
            n.put("resource", k.id().toString());
            n.put("reason", k.reason());
        }
        return root;
    }

    public static String write(UpgradePlan plan) {
        return Json.pretty(toJson(plan));
    }
}
