package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import dev.kfboot.model.Location;
import dev.kfboot.validate.AppHierarchy;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/** What the ordering rules say about an order the tree gets wrong, and where. */
final class WaveOrder {

    private WaveOrder() {}

    /** The graph's edges with a reason of {@code kind} whose dependent the tree does not sync after its dependency. */
    static List<Dependency> misordered(ValidationContext ctx, Reason.Kind kind) {
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : ctx.analysis().graph().edges()) {
            if (d.reasons().stream().anyMatch(r -> r.kind() == kind) && !after(ctx, d.component(), d.dependsOn()))
                out.add(d);
        }
        return out;
    }

    /** Whether the tree syncs {@code dependent} strictly after {@code dependency}. */
    static boolean after(ValidationContext ctx, String dependent, String dependency) {
        return ctx.hierarchy().order(dependent, dependency).relation() == AppHierarchy.Relation.AFTER;
    }

    static String describe(ValidationContext ctx, String dependent, String dependency) {
        AppHierarchy.Order o = ctx.hierarchy().order(dependent, dependency);
        return switch (o.relation()) {
            case SAME_WAVE ->
                "both sync in " + o.unit() + " " + o.laterWave() + " of " + o.parent()
                        + ", so Argo CD applies them together";
            case BEFORE ->
                "it syncs in " + o.unit() + " " + o.laterWave() + " of " + o.parent() + ", before " + dependency + " ("
                        + o.unit() + " " + o.earlierWave() + ")";
            case UNORDERED ->
                "nothing in the tree orders it after " + dependency
                        + " (they are not children of one app of apps, so they sync in any order)";
            case AFTER -> "it syncs after " + dependency;
        };
    }

    static String hint(String dependent, String dependency) {
        return "give " + dependent + " a later " + ArgoCd.SYNC_WAVE + " than " + dependency
                + " under the same app of apps (kfboot plan computes waves that satisfy every dependency)";
    }

    /** The dependent's sync-wave annotation, or its metadata. */
    static Location at(TreeApp app) {
        return app.at("metadata", "annotations", ArgoCd.SYNC_WAVE);
    }
}
