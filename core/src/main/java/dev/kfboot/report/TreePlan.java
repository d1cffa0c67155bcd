package dev.kfboot.report;

import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.plan.Plan;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.ValidationContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated tree seen as a plan, for the report: its component apps in the waves the tree gives them (their
 * sync-wave annotation, 0 without one), the dependency graph derived from what they render, their inventory,
 * and the validation findings. Nothing is recompiled: a hand-written tree is drawn as it is, so a dependency
 * that points back to the same or a later wave shows as the edge it is.
 */
public final class TreePlan {

    private TreePlan() {}

    public static Plan of(Validation v) {
        ValidationContext ctx = v.context();
        DependencyGraph graph = ctx.analysis().graph();
        Map<String, Integer> waves = new LinkedHashMap<>();
        for (TreeApp a : ctx.componentApps()) {
            if (!graph.nodes().contains(a.id())) continue;
            Integer w = a.app().syncWave();
            waves.put(a.id(), w == null ? 0 : w);
        }
        for (String n : graph.nodes()) waves.putIfAbsent(n, 0);
        String release = ctx.catalog().catalog().map(c -> c.release()).orElse("(release not recognised)");
        return new Plan(
                release,
                "the tree at " + ctx.tree().dir(),
                waves,
                graph,
                ctx.inventory(),
                ctx.analysis().internal(),
                Map.of(),
                v.findings());
    }
}
