package dev.kfboot.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.model.Json;
import dev.kfboot.model.Severity;
import dev.kfboot.plan.PlanJson;
import java.util.ArrayList;

/** {@code validate -o json}: {@code {"findings": [{"rule", "severity", "app", "resource", "file", "line", "message", "hint"}], "summary": {"errors", "warnings", "infos", "suppressed", "unverified": [app, ...]}}}. */
public final class ValidationJson {

    private ValidationJson() {}

    public static ObjectNode toJson(Validation v) {
        ObjectNode root = Json.object();
        root.set("findings", PlanJson.findings(v.findings()));
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", v.count(Severity.ERROR));
        summary.put("warnings", v.count(Severity.WARNING));
        summary.put("infos", v.count(Severity.INFO));
        summary.put("suppressed", v.suppressed().size());
        summary.putPOJO("unverified", new ArrayList<>(v.unverified().keySet()));
        return root;
    }

    public static String write(Validation v) {
        return Json.pretty(toJson(v));
    }
}
