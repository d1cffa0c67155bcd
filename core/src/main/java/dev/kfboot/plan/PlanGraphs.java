package dev.kfboot.plan;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The plan as a diagram for READMEs and docs: {@code plan -o mermaid} (a Mermaid flowchart) and
 * {@code plan -o dot} (Graphviz). One cluster per wave, one edge per dependency from the component that
 * must come first to the one that waits, labelled with its reason kinds; declared edges are dashed.
 */
public final class PlanGraphs {

    private PlanGraphs() {}

    public static String mermaid(Plan plan) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (Plan.Wave w : plan.waveList()) {
            sb.append("  subgraph wave")
                    .append(w.number())
                    .append("[\"wave ")
                    .append(w.number())
                    .append("\"]\n");
            for (String c : w.components())
                sb.append("    ").append(mermaidId(c)).append("[\"").append(c).append("\"]\n");
            sb.append("  end\n");
        }
        for (Dependency d : plan.graph().edges()) {
            String arrow = d.declaredOnly() ? " -.->" : " -->";
            sb.append("  ")
                    .append(mermaidId(d.dependsOn()))
                    .append(arrow)
                    .append("|")
                    .append(kinds(d))
                    .append("| ")
                    .append(mermaidId(d.component()))
                    .append('\n');
        }
        return sb.toString();
    }

    public static String dot(Plan plan) {
        StringBuilder sb = new StringBuilder("digraph kfboot {\n");
        sb.append("  label=\"kubeflow/manifests ")
                .append(plan.release())
                .append(": ")
                .append(plan.waveList().size())
                .append(" sync waves\";\n");
        sb.append("  rankdir=LR;\n  node [shape=box, style=rounded];\n");
        for (Plan.Wave w : plan.waveList()) {
            sb.append("  subgraph cluster_wave").append(w.number()).append(" {\n");
            sb.append("    label=\"wave ").append(w.number()).append("\";\n");
            for (String c : w.components()) sb.append("    ").append(quote(c)).append(";\n");
            sb.append("  }\n");
        }
        for (Dependency d : plan.graph().edges()) {
            sb.append("  ")
                    .append(quote(d.dependsOn()))
                    .append(" -> ")
                    .append(quote(d.component()))
                    .append(" [label=")
                    .append(quote(kinds(d)));
            if (d.declaredOnly()) sb.append(", style=dashed");
            sb.append("];\n");
        }
        return sb.append("}\n").toString();
    }

    /** The distinct reason kinds of an edge, in reason order: "crd, webhook". */
    static String kinds(Dependency d) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Reason r : d.reasons()) kinds.add(r.kind().label());
        return String.join(", ", kinds);
    }

    private static String mermaidId(String component) {
        return component.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
