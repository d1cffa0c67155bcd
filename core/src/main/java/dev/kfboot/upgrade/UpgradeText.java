package dev.kfboot.upgrade;

import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upgrade as text: per target app in wave order, compiler-style lines ({@code severity: [type] resource: message})
 * with old and new values and the fix indented below. Moves and removals Argo CD handles alone are folded into one
 * line per pair of apps ({@code -o json} lists each).
 */
public final class UpgradeText {

    private UpgradeText() {}

    public static String write(UpgradePlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("upgrade ").append(plan.from()).append(" -> ").append(plan.to());
        sb.append(
                        plan.live() == null
                                ? " (no cluster read: stored versions and custom resources unverified)"
                                : " (live facts from " + plan.live() + ")")
                .append('\n');
        for (var e : plan.byApp().entrySet()) {
            Integer wave = plan.targetWaves().get(e.getKey());
            sb.append('\n')
                    .append(e.getKey())
                    .append(wave == null ? " (not in " + plan.to() + ")" : " (wave " + wave + ")")
                    .append('\n');
            Map<String, List<Change>> folded = new LinkedHashMap<>();
            for (Change c : e.getValue()) {
                if (c.severity() == Severity.INFO
                        && (c.type() == Change.Type.MOVED || c.type() == Change.Type.REMOVED)) {
                    folded.computeIfAbsent(c.type().slug() + "|" + c.fromApp(), k -> new ArrayList<>())
                            .add(c);
                    continue;
                }
                line(sb, c);
            }
            folded.forEach((k, list) -> fold(sb, list));
        }
        sb.append('\n')
                .append(plan.changes().size())
                .append(" changes: ")
                .append(plan.count(Severity.ERROR))
                .append(" need a decision, ")
                .append(plan.count(Severity.WARNING))
                .append(" handled by sync options in the target tree, ")
                .append(plan.count(Severity.INFO))
                .append(" handled by Argo CD alone")
                .append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, Change c) {
        sb.append("  ")
                .append(c.severity().label())
                .append(": [")
                .append(c.type().slug())
                .append("] ");
        if (c.id() != null) sb.append(c.id()).append(": ");
        sb.append(c.message()).append('\n');
        if (c.oldValue() != null || c.newValue() != null) {
            sb.append("      ")
                    .append(c.oldValue())
                    .append(" -> ")
                    .append(c.newValue())
                    .append('\n');
        }
        sb.append("      fix: ").append(c.fix()).append('\n');
    }

    private static void fold(StringBuilder sb, List<Change> list) {
        Change first = list.get(0);
        List<String> names =
                list.stream().map(c -> c.id().kind() + " " + c.id().name()).toList();
        String shown = String.join(", ", names.subList(0, Math.min(6, names.size())))
                + (names.size() > 6 ? ", and " + (names.size() - 6) + " more" : "");
        sb.append("  info: [")
                .append(first.type().slug())
                .append("] ")
                .append(list.size())
                .append(list.size() == 1 ? " object " : " objects ");
        if (first.type() == Change.Type.MOVED)
            sb.append("move from app ").append(first.fromApp()).append(": ");
        else
            sb.append("no longer rendered (were in app ")
                    .append(first.fromApp())
                    .append("): ");
        sb.append(shown).append('\n');
        sb.append("      fix: ").append(first.fix()).append('\n');
    }
}
