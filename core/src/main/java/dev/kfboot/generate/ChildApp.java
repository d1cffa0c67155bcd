package dev.kfboot.generate;

import dev.kfboot.argocd.AppNeeds;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.graph.InternalOrdering;
import dev.kfboot.graph.Reason;
import dev.kfboot.spec.App;
import dev.kfboot.spec.ExtraApp;
import dev.kfboot.spec.Repo;
import dev.kfboot.spec.SyncMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What kfboot decided for one child Application, and why: its wave from the plan, its source (the upstream
 * path, or its overlay in the tree), and sync options derived from the app's own objects, never blanket:
 * <ul>
 *   <li>{@code CreateNamespace=true} only when no app of the platform creates the destination namespace;</li>
 *   <li>{@code PruneLast=true} when other apps depend on it, so its removed objects go only after the rest
 *       synced;</li>
 *   <li>{@code RespectIgnoreDifferences=true} when it ignores injected fields, so a sync does not wipe them
 *       (an empty webhook-certificate Secret would otherwise overwrite the real one);</li>
 *   <li>{@code SkipDryRunOnMissingResource=true} when objects need a CRD the same app creates (the plan's
 *       orderings inside one app).</li>
 * </ul>
 *
 * @param ownSource whether the source is the tree's own repository (what update-repo-url and env overlays
 *                  rewrite); upstream sources never are
 * @param notes     one line per derived option, for the README
 */
public record ChildApp(
        String id,
        String name,
        int wave,
        boolean extra,
        GitSource source,
        boolean ownSource,
        String namespace,
        SyncMode sync,
        List<String> syncOptions,
        List<IgnoreDifference> ignores,
        AppOverlay overlay,
        List<String> notes) {

    private static final Comparator<IgnoreDifference> IGNORE_ORDER = Comparator.comparing(IgnoreDifference::group)
            .thenComparing(IgnoreDifference::kind)
            .thenComparing(d -> d.namespace() == null ? "" : d.namespace())
            .thenComparing(d -> d.name() == null ? "" : d.name());

    public ChildApp {
        syncOptions = List.copyOf(syncOptions);
        ignores = List.copyOf(ignores);
        notes = List.copyOf(notes);
    }

    static ChildApp component(TreeContext ctx, App app) {
        AppNeeds needs = AppNeeds.of(app.id(), ctx.plan().inventory());
        AppOverlay overlay = AppOverlay.of(ctx, app, needs);
        Repo repo = ctx.platform().repo();
        GitSource source = overlay != null
                ? new GitSource(
                        ctx.site().repoURL(), ctx.site().revision(), ctx.site().resolve(overlay.dir()))
                : new GitSource(
                        repo.url(),
                        repo.revision(),
                        RepoPaths.join(repo.path(), app.variant().paths().get(0)));
        List<IgnoreDifference> ignores = injectedIgnores(needs);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        derive(ctx, app.id(), app.namespace(), ignores, options, notes);
        boolean needsOwnCrd = ctx.plan().internal().stream()
                .anyMatch(o -> o.component().equals(app.id()) && o.kind() == Reason.Kind.CRD);
        if (needsOwnCrd) {
            option(options, ArgoCd.SKIP_DRY_RUN_ON_MISSING);
            InternalOrdering first = ctx.plan().internal().stream()
                    .filter(o -> o.component().equals(app.id()) && o.kind() == Reason.Kind.CRD)
                    .findFirst()
                    .orElseThrow();
            notes.add(ArgoCd.SKIP_DRY_RUN_ON_MISSING + ": " + first.object() + " needs " + first.needs());
        }
        if (overlay != null)
            notes.addAll(overlay.reasons().stream().map(r -> "overlay: " + r).toList());
        return new ChildApp(
                app.id(),
                ctx.names().app(app.id()),
                ctx.plan().waveOf(app.id()),
                false,
                source,
                source.repoURL().equals(ctx.site().repoURL()),
                app.namespace(),
                app.sync() != null ? app.sync() : ctx.sync().mode(),
                List.copyOf(options.values()),
                ignores,
                overlay,
                notes);
    }

    static ChildApp extra(TreeContext ctx, ExtraApp e) {
        Repo repo = ctx.platform().repo();
        String url = e.repoURL() != null ? e.repoURL() : repo.url();
        String revision = e.revision() != null ? e.revision() : url.equals(repo.url()) ? repo.revision() : "HEAD";
        // manifests kfboot writes itself (the Gateway API route) live in the tree, like overlays
        GitSource source = ctx.platform().generatedFor(e.name()).isEmpty()
                ? new GitSource(url, revision, e.path())
                : new GitSource(
                        ctx.site().repoURL(), ctx.site().revision(), ctx.site().resolve(TreeLayout.overlay(e.name())));
        List<IgnoreDifference> ignores = new ArrayList<>(e.ignoreDifferences());
        for (IgnoreDifference d :
                injectedIgnores(AppNeeds.of(e.name(), ctx.plan().inventory()))) {
            if (!ignores.contains(d)) ignores.add(d);
        }
        ignores.sort(IGNORE_ORDER);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        derive(ctx, e.name(), e.namespace(), ignores, options, notes);
        for (String o : e.syncOptions()) options.put(key(o), o);
        notes.removeIf(n -> e.syncOptions().stream().anyMatch(o -> n.startsWith(key(o) + "=")));
        if (!e.syncOptions().isEmpty()) notes.add("from the spec: " + String.join(", ", e.syncOptions()));
        return new ChildApp(
                e.name(),
                ctx.names().app(e.name()),
                ctx.plan().waveOf(e.name()),
                true,
                source,
                url.equals(ctx.site().repoURL()),
                e.namespace(),
                e.sync() != null ? e.sync() : ctx.sync().mode(),
                List.copyOf(options.values()),
                ignores,
                null,
                notes);
    }

    /** The options every kind of child derives the same way. */
    private static void derive(
            TreeContext ctx,
            String id,
            String namespace,
            List<IgnoreDifference> ignores,
            Map<String, String> options,
            List<String> notes) {
        if (ctx.plan().inventory().namespaceCreators(namespace).isEmpty()) {
            option(options, ArgoCd.CREATE_NAMESPACE);
            notes.add(ArgoCd.CREATE_NAMESPACE + ": no app of the platform creates namespace " + namespace);
        }
        var dependents = new TreeSet<String>();
        ctx.plan().graph().dependentsOf(id).forEach(d -> dependents.add(d.component()));
        if (!dependents.isEmpty()) {
            option(options, ArgoCd.PRUNE_LAST);
            notes.add(ArgoCd.PRUNE_LAST + ": " + AppOverlay.count(dependents.size(), "app")
                    + (dependents.size() == 1 ? " depends" : " depend") + " on it ("
                    + String.join(", ", dependents.stream().limit(3).toList()) + (dependents.size() > 3 ? ", ..." : "")
                    + ")");
        }
        if (!ignores.isEmpty()) {
            option(options, ArgoCd.RESPECT_IGNORE_DIFFERENCES);
            notes.add(ArgoCd.RESPECT_IGNORE_DIFFERENCES + ": " + AppOverlay.count(ignores.size(), "field")
                    + " filled in the cluster must survive a sync");
        }
    }

    private static List<IgnoreDifference> injectedIgnores(AppNeeds needs) {
        List<IgnoreDifference> out = new ArrayList<>();
        for (AppNeeds.Injected i : needs.injected()) if (!out.contains(i.ignore())) out.add(i.ignore());
        out.sort(IGNORE_ORDER);
        return out;
    }

    private static void option(Map<String, String> options, String option) {
        options.put(key(option), option);
    }

    private static String key(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option : option.substring(0, eq);
    }

    public boolean automated() {
        return sync == SyncMode.AUTOMATED;
    }

    /** The child Application itself. */
    Map<String, Object> document(TreeContext ctx) {
        Map<String, Object> doc = ApplicationDoc.object(
                "Application",
                name,
                ctx.argoNamespace(),
                ctx.names().childLabels(id, wave),
                Map.of(ArgoCd.SYNC_WAVE, String.valueOf(wave)),
                true);
        doc.put(
                "spec",
                ApplicationDoc.spec(
                        ctx.project(),
                        source,
                        ApplicationDoc.destination(ctx.destination(), namespace),
                        ApplicationDoc.syncPolicy(
                                automated(),
                                ctx.sync().prune(),
                                ctx.sync().selfHeal(),
                                syncOptions,
                                ctx.sync().retry()),
                        ignores));
        return doc;
    }
}
