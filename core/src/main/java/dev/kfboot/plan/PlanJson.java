package dev.kfboot.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;

/**
 * {@code plan -o json}: {@code {"release", "waves": [{"wave", "components"}], "dependencies": [{"component",
 * "dependsOn", "reasons"}]}}, plus {@code "failed": [{"component", "rule", "message"}]} (apps that did not render,
 * never placed) and {@code "findings"} when there are any.
 */
public final class PlanJson {

    private PlanJson() {}

    public static ObjectNode toJson(Plan plan) {
        ObjectNode root = Json.object();
        root.put("release", plan.release());
        ArrayNode waves = root.putArray("waves");
        for (Plan.Wave w : plan.waveList()) {
            ObjectNode wn = waves.addObject();
            wn.put("wave", w.number());
            w.components().forEach(wn.putArray("components")::add);
        }
        ArrayNode deps = root.putArray("dependencies");
        for (Dependency d : plan.graph().edges()) {
            ObjectNode dn = deps.addObject();
            dn.put("component", d.component());
            dn.put("dependsOn", d.dependsOn());
            ArrayNode reasons = dn.putArray("reasons");
            for (Reason r : d.reasons()) reasons.add(r.toString());
        }
        if (!plan.failedRenders().isEmpty()) {
            ArrayNode failed = root.putArray("failed");
            plan.failedRenders().forEach((app, f) -> failed.addObject().put("component", app).put("rule", f.rule())
                    .put("message", f.message()));
        }
        if (!plan.findings().isEmpty()) root.set("findings", findings(plan.findings()));
        return root;
    }

    public static ArrayNode findings(java.util.List<Finding> findings) {
        ArrayNode out = Json.array();
        for (Finding f : findings) {
            ObjectNode n = out.addObject();
            n.put("rule", f.rule());
            n.put("severity", f.severity().label());
            n.put("app", f.app());
            n.put("resource", f.resource());
            n.put("file", f.location().file());
            if (f.location().line() > 0) n.put("line", f.location().line());
            else n.putNull("line");
            n.put("message", f.message());
            n.put("hint", f.hint());
        }
        return out;
    }

    public static String write(Plan plan) {
        return Json.pretty(toJson(plan));
    }
}
