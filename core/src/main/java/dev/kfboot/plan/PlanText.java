package dev.kfboot.plan;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.InternalOrdering;
import dev.kfboot.graph.Reason;
import dev.kfboot.model.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The human views of a plan: the wave table and {@code --explain}. Deterministic, so golden-testable. */
public final class PlanText {

    private static final int REASON_WIDTH = 96;

    private PlanText() {}

    public static String header(Plan plan) {
        return "Plan for kubeflow/manifests " + plan.release() + " (" + plan.source() + "): "
                + plan.waves().size() + " components, " + plan.inventory().size() + " objects, "
                + plan.waveList().size() + " waves"
                + (plan.failedRenders().isEmpty()
                        ? ""
                        : "; " + plan.failedRenders().size() + " failed to render and are not placed: "
                                + String.join(", ", plan.failedRenders().keySet()));
    }

    public static String table(Plan plan) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"WAVE", "COMPONENT", "NAMESPACES", "OBJECTS", "FIRST REASON"});
        for (Plan.Wave w : plan.waveList()) {
            for (String c : w.components()) {
                rows.add(new String[] {
                    String.valueOf(w.number()),
                    c,
                    namespaces(plan, c),
                    String.valueOf(plan.inventory().of(c).size()),
                    firstReason(plan, c)
                });
            }
        }
        return header(plan) + "\n\n" + columns(rows);
    }

    public static String explain(Plan plan) {
        StringBuilder sb = new StringBuilder(header(plan)).append('\n');
        for (Plan.Wave w : plan.waveList()) {
            sb.append("\nwave ").append(w.number()).append('\n');
            for (String c : w.components()) {
                sb.append("  ").append(SafeText.forTerminal(c));
                Pin pin = plan.pins().get(c);
                List<Dependency> deps = plan.graph().dependenciesOf(c);
                if (pin != null)
                    sb.append(" (pinned to wave ")
                            .append(pin.wave())
                            .append(" at ")
                            .append(pin.location())
                            .append(')');
                if (deps.isEmpty()) {
                    sb.append(": no dependencies\n");
                    continue;
                }
                sb.append('\n');
                List<Dependency> placing = plan.placedBy(c);
                for (Dependency d : deps) {
                    sb.append("    ")
                            .append(placing.contains(d) ? "placed after " : "after ")
                            .append(SafeText.forTerminal(d.dependsOn()))
                            .append(" (wave ")
                            .append(plan.waveOf(d.dependsOn()))
                            .append(")\n");
                    for (Reason r : d.reasons())
                        sb.append("      - ")
                                .append(SafeText.forTerminal(String.valueOf(r)))
                                .append('\n');
                }
            }
        }
        if (!plan.internal().isEmpty()) {
            sb.append("\ninside one app (Argo CD applies these in one sync: they need "
                    + "SkipDryRunOnMissingResource and retries)\n");
            Map<String, List<InternalOrdering>> grouped = new TreeMap<>();
            for (InternalOrdering o : plan.internal())
                grouped.computeIfAbsent(o.component() + "\u0000" + o.needs(), k -> new ArrayList<>())
                        .add(o);
            for (List<InternalOrdering> g : grouped.values()) {
                InternalOrdering first = g.get(0);
                sb.append("  ")
                        .append(SafeText.forTerminal(first.component()))
                        .append(": ")
                        .append(SafeText.forTerminal(String.valueOf(first.object())));
                sb.append(g.size() > 1 ? " and " + (g.size() - 1) + " more need " : " needs ")
                        .append(first.needs())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    static String namespaces(Plan plan, String component) {
        var ns = plan.inventory().namespacesOf(component);
        return ns.isEmpty() ? "(cluster)" : String.join(",", ns);
    }

    /** Why an app sits in its wave, in one line of at most 96 characters. */
    public static String firstReason(Plan plan, String component) {
        Pin pin = plan.pins().get(component);
        if (pin != null) return "pinned to wave " + pin.wave();
        List<Dependency> placing = plan.placedBy(component);
        if (placing.isEmpty()) return "no dependencies";
        Dependency d = placing.get(0);
        String text = "after " + d.dependsOn() + ": " + d.reasons().get(0).summary();
        return text.length() > REASON_WIDTH ? text.substring(0, REASON_WIDTH - 3) + "..." : text;
    }

    /** Left-aligned columns separated by two spaces; the last column is not padded. */
    public static String columns(List<String[]> rows) {
        int n = rows.get(0).length;
        int[] width = new int[n];
        for (String[] r : rows) for (int i = 0; i < n - 1; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(r[i]);
                if (i < n - 1) line.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
