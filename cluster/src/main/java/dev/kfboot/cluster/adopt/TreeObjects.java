package dev.kfboot.cluster.adopt;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.render.Rendered;
import dev.kfboot.validate.ResolvedSource;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tree's component apps and their objects, from what validate rendered (apps of apps own only Applications). */
public final class TreeObjects {

    private TreeObjects() {}

    public static List<DesiredApp> of(ValidationContext ctx) {
        List<DesiredApp> out = new ArrayList<>();
        for (TreeApp a : ctx.componentApps()) {
            List<DesiredObject> objects = new ArrayList<>();
            for (Inventory.Entry e : ctx.inventory().of(a.id())) {
                KubeObject o = e.object();
                objects.add(new DesiredObject(
                        o.id().withNamespace(e.namespace()), o.apiVersion(), e.scope(), o.body(), o.labels()));
            }
            out.add(new DesiredApp(
                    a.name(),
                    a.app().destinationNamespace(),
                    notCompared(ctx, a),
                    objects,
                    a.app().ignoreDifferences()));
        }
        return out;
    }

    /**
     * "app: why" for each app whose objects cannot be known because its source does not render or does not resolve:
     * comparing without them would call their live objects unmanaged.
     */
    public static List<String> unusable(ValidationContext ctx) {
        List<String> out = new ArrayList<>();
        Map<String, String> unverified = ctx.unverifiedApps();
        for (TreeApp a : ctx.componentApps()) {
            if (unverified.containsKey(a.id())) continue; // not compared, and said why
            for (ResolvedSource s : ctx.sourcesOf(a.id())) {
                if (s.kind().pathProblem()) out.add(a.name() + ": " + s.problem());
            }
            for (Rendered r : ctx.renders().of(a.id())) {
                if (!r.ok())
                    out.add(a.name() + ": "
                            + r.failure().message().lines().findFirst().orElse(""));
            }
        }
        return out;
    }

    private static String notCompared(ValidationContext ctx, TreeApp a) {
        String server = a.app().destinationServer();
        String name = a.app().destinationName();
        if (server != null && !server.equals(ArgoCd.IN_CLUSTER)
                || server == null && name != null && !name.equals("in-cluster")) {
            return "deploys to another cluster (" + (server != null ? server : name) + ")";
        }
        // a chart not in --helm-cache, a plugin, another repository without a checkout: what it owns is unknown
        return ctx.unverifiedApps().get(a.id());
    }
}
