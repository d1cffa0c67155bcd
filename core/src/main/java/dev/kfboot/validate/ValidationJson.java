package dev.kfboot.validate;

import dev.kfboot.model.Json;
import dev.kfboot.model.Severity;
import dev.kfboot.plan.PlanJson;
import java.util.List;

/**
 * {@code validate -o json}: {@code {"findings": [{"rule", "severity", "app", "resource", "file", "line", "message",
 * "hint"}], "summary": {"errors", "warnings", "infos", "suppressed", "unverified": [app, ...]}}}.
 */
public final class ValidationJson {

    /** The document, in field order. */
    public record Document(List<PlanJson.FindingDoc> findings, Summary summary) {}

    /** @param unverified the apps kfboot could not check, sorted */
    public record Summary(long errors, long warnings, long infos, int suppressed, List<String> unverified) {}

    private ValidationJson() {}

    public static Document document(Validation v) {
        return new Document(
                PlanJson.findings(v.findings()),
                new Summary(
                        v.count(Severity.ERROR),
                        v.count(Severity.WARNING),
                        v.count(Severity.INFO),
                        v.suppressed().size(),
                        List.copyOf(v.unverified().keySet())));
    }

    public static String write(Validation v) {
        return Json.pretty(document(v));
    }
}
