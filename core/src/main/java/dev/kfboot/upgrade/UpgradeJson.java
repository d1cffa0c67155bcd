package dev.kfboot.upgrade;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kfboot.model.Json;
import dev.kfboot.model.Severity;
import java.util.List;

/**
 * {@code upgrade -o json}: {@code {"from", "to", "live", "needsDecision", "counts", "changes": [{"type", "severity",
 * "app", "wave", "fromApp", "resource", "newResource", "field", "old", "new", "message", "fix", "syncOptions"}],
 * "kept": [{"app", "resource", "reason"}]}}, the same records the text prints, unfolded, in the same order.
 */
public final class UpgradeJson {

    /** The document, in field order. */
    public record Document(
            String from,
            String to,
            String live,
            boolean needsDecision,
            Counts counts,
            List<ChangeDoc> changes,
            List<KeptDoc> kept) {}

    /** The changes per severity. */
    public record Counts(long error, long warning, long info) {}

    /**
     * @param wave     the app's wave in the target release, or null
     * @param oldValue the field's value before, as {@code "old"}
     * @param newValue its value after, as {@code "new"}
     */
    public record ChangeDoc(
            String type,
            String severity,
            String app,
            Integer wave,
            String fromApp,
            String resource,
            String newResource,
            String field,
            @JsonProperty("old") String oldValue,
            @JsonProperty("new") String newValue,
            String message,
            String fix,
            String syncOptions) {}

    public record KeptDoc(String app, String resource, String reason) {}

    private UpgradeJson() {}

    public static Document document(UpgradePlan plan) {
        List<ChangeDoc> changes = plan.changes().stream()
                .map(c -> new ChangeDoc(
                        c.type().slug(),
                        c.severity().label(),
                        c.app(),
                        plan.targetWaves().get(c.app()),
                        c.fromApp(),
                        c.id() == null ? null : c.id().toString(),
                        c.newId() == null ? null : c.newId().toString(),
                        c.field(),
                        c.oldValue(),
                        c.newValue(),
                        c.message(),
                        c.fix(),
                        c.syncOptions()))
                .toList();
        List<KeptDoc> kept = plan.kept().stream()
                .map(k -> new KeptDoc(k.app(), k.id().toString(), k.reason()))
                .toList();
        return new Document(
                plan.from(),
                plan.to(),
                plan.live(),
                plan.needsDecision(),
                new Counts(plan.count(Severity.ERROR), plan.count(Severity.WARNING), plan.count(Severity.INFO)),
                changes,
                kept);
    }

    public static String write(UpgradePlan plan) {
        return Json.pretty(document(plan));
    }
}
