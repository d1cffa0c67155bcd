package dev.kfboot.generate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.spec.ClusterRef;
import dev.kfboot.spec.SyncMode;
import java.util.List;
import java.util.Map;

/**
 * The app of apps: an Application in Argo CD's own cluster that syncs the directory of child Applications.
 * It never sets {@code ServerSideApply}: a root app with it ignores sync waves (argo-cd#13320), and the waves
 * are the point. It belongs to its own project, which may only create Applications in Argo CD's namespace.
 * A tree that upgrades from a release whose apps go away sets {@code PruneLast=true}: the old Applications are
 * pruned only after every wave synced, when the apps taking over their objects have adopted them.
 */
final class RootApp {

    private RootApp() {}

    /** @param env null for the base tree, else the environment whose overlay it syncs */
    static Map<String, Object> document(TreeContext ctx, String env) {
        String name = env == null ? ctx.names().root() : ctx.names().root() + "-" + env;
        String dir = env == null ? TreeLayout.APPS : TreeLayout.env(env);
        String revision = env == null ? ctx.site().revision() : EnvOverlay.revision(ctx, env);
        Map<String, Object> doc = ApplicationDoc.object(
                "Application", name, ctx.argoNamespace(), ctx.names().labels(), Map.of(), true);
        doc.put(
                "spec",
                ApplicationDoc.spec(
                        ctx.rootProject(),
                        new GitSource(ctx.site().repoURL(), revision, ctx.site().resolve(dir)),
                        ApplicationDoc.destination(ClusterRef.IN_CLUSTER, ctx.argoNamespace()),
                        ApplicationDoc.syncPolicy(
                                ctx.sync().mode() == SyncMode.AUTOMATED,
                                ctx.sync().prune(),
                                ctx.sync().selfHeal(),
                                prunesOldApps(ctx) ? List.of(ArgoCd.PRUNE_LAST) : List.of(),
                                ctx.sync().retry()),
                        List.of()));
        return doc;
    }

    /** Whether the tree upgrades from a release with apps this one has not. */
    static boolean prunesOldApps(TreeContext ctx) {
        return ctx.options().upgrade() != null
                && !ctx.options().upgrade().goneApps().isEmpty();
    }
}
