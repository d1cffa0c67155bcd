package dev.kfboot.validate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.catalog.CatalogScanner;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.graph.DependencyAnalysis;
import dev.kfboot.inventory.Collected;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.render.Background;
import dev.kfboot.render.KustomizeRenderer;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.render.RenderCache;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.render.ReusedRenders;
import dev.kfboot.validate.rules.Rule;
import dev.kfboot.validate.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The validate pipeline: tree, sources, hierarchy, render, inventory, analysis, rules. A tree that cannot be
 * read at all stops it with an {@link InputException}; every problem in a tree that can be read is a finding.
 */
public final class Validator {

    private final Catalogs catalogs;
    private final RenderRunner renderer;
    private final Consumer<Rendered> progress;
    private final List<Rule> rules;

    public Validator(Catalogs catalogs, RenderRunner renderer, Consumer<Rendered> progress, List<Rule> rules) {
        this.catalogs = catalogs;
        this.renderer = renderer;
        this.progress = progress;
        this.rules = List.copyOf(rules);
    }

    /** Real kustomize, every rule. */
    public Validator(Consumer<Rendered> progress) {
        this(Catalogs.builtin(), Rendering::run, progress, Rules.all());
    }

    public Validation validate(ValidateRequest request) {
        return validate(request, null);
    }

    /** @param remember told the validation when its inputs were all keyed and everything rendered */
    private Validation validate(ValidateRequest request, Consumer<Validation> remember) {
        // asking kustomize its version starts a process, and the releases' facts take a while to parse: both
        // happen while the tree is read and resolved
        CompletableFuture<KustomizeTool> tool = request.render().tool() != null
                ? CompletableFuture.completedFuture(request.render().tool())
                : Background.start("kfboot-kustomize-version", () -> KustomizeTool.detect(request.cacheDir()));
        Background.start(
                "kfboot-facts",
                () -> catalogs.releases().stream().map(catalogs::facts).toList());
        Tree tree = TreeReader.read(request.dir(), request.repoRoot(), request.locality());
        if (tree.apps().isEmpty()) {
            throw new InputException(
                    Location.of(request.dir().toString()),
                    "no Argo CD Application or ApplicationSet found",
                    "pass the directory that holds the tree's Applications (or the kustomization aggregating them)");
        }
        SourceResolver resolver = new SourceResolver(
                tree.repo(), request.sources(), request.options().repoUrl());
        Map<String, List<ResolvedSource>> sources = new LinkedHashMap<>();
        for (TreeApp a : tree.apps()) sources.put(a.id(), resolver.resolve(a));
        AppHierarchy hierarchy = AppHierarchy.of(tree.apps(), sources, tree.dir(), tree.appSets());
        RenderCache cache = request.cacheDir() == null ? null : new RenderCache(renderer, request.cacheDir());
        CompletableFuture<ReleaseRenders> release = Background.start(
                "kfboot-release", () -> releaseRenders(request, sources, withTool(request.render(), tool)));
        Map<Rendered, Reading> read = new IdentityHashMap<>();
        AtomicReference<String> kustomizeVersion = new AtomicReference<>();
        AppRenders renders = render(
                tree,
                sources,
                cache == null ? renderer : cache,
                request.render(),
                tool,
                read,
                request.options().helmCache(),
                kustomizeVersion);
        Collected collected = Collected.concat(renders.all().parallelStream()
                .map(r -> {
                    Reading ahead;
                    synchronized (read) {
                        ahead = read.get(r);
                    }
                    return ahead != null ? ahead.get() : Collected.of(r, true);
                })
                .toList());
        Inventory inventory = Inventory.of(collected.objects(), destinations(tree));
        scanArgoCdConfig(tree, inventory);
        DependencyAnalysis.Result analysis = DependencyAnalysis.analyze(renders.apps(), inventory, List.of());
        // the facts rendered from the tree come from the renders done beside the apps', and the apps' own; what is
        // left renders through a cache of its own, so that the apps' cache figures stay theirs
        ReleaseRenders early = Background.join(release);
        List<Rendered> done = new ArrayList<>(renders.all());
        done.addAll(early.rendered());
        RenderRunner runner = ReusedRenders.over(done, factsRenderer(request));
        CatalogMatch catalog = TreeRelease.match(
                catalogs,
                inventory,
                early.detected(),
                (toRender, manifests) -> CatalogScanner.scan(
                                toRender, manifests, runner, withTool(request.render(), tool), r -> {})
                        .facts());
        List<Finding> failures = renders.all().stream()
                .filter(r -> !r.ok())
                .map(Rendered::failure)
                .toList();
        List<Finding> unreadable =
                collected.findings().stream().filter(f -> !failures.contains(f)).toList();
        ValidationContext ctx = new ValidationContext(
                tree,
                sources,
                hierarchy,
                KustomizeBuildOptions.judged(renders, tree.settings()),
                unreadable,
                inventory,
                analysis,
                catalog,
                request.options().argocdNamespace(),
                kustomizeVersion.get());
        // rules are pure functions of the context: they run side by side, and the findings are sorted after
        List<Finding> all = UnpinnedSources.named(
                rules.parallelStream().flatMap(rule -> rule.check(ctx).stream()).toList(), inventory);
        Suppressions.Result shown =
                Suppressions.of(tree.repo(), request.options()).apply(all, ctx);
        int cached = cache == null ? 0 : cache.stats().hits();
        Validation v = new Validation(
                tree.repo(),
                shown.findings(),
                tree.apps().size(),
                hierarchy.parents().size(),
                inventory.size(),
                renders.all().size() - cached,
                cached,
                ctx,
                shown.suppressed(),
                ctx.unverifiedApps());
        if (remember != null && cache.confined() && failures.isEmpty() && unreadable.isEmpty()) remember.accept(v);
        return v;
    }

    /** The tree's release, and the renders of the variants whose facts must come from the tree. */
    private record ReleaseRenders(TreeRelease.Detected detected, List<Rendered> rendered) {}

    /**
     * Detects the tree's release and, for a catalog derived from the tree's example, renders its variants beside the
     * apps (through a render cache of its own); a variant that is an app's own source path is left to be answered
     * from the app's render.
     */
    private ReleaseRenders releaseRenders(
            ValidateRequest request, Map<String, List<ResolvedSource>> sources, RenderOptions options) {
        TreeRelease.Detected detected = TreeRelease.detect(catalogs, request.release(), sources);
        ReleaseCatalog toRender = detected.derived();
        if (toRender == null) return new ReleaseRenders(detected, List.of());
        Set<List<Object>> appPaths = new HashSet<>();
        sources.values()
                .forEach(list -> list.stream()
                        .filter(s -> s.kind() == ResolvedSource.Kind.KUSTOMIZE)
                        .forEach(s ->
                                appPaths.add(List.of(s.root().toAbsolutePath().normalize(), s.path()))));
        List<RenderUnit> units = CatalogScanner.units(toRender, detected.manifests()).stream()
                .filter(u -> !(u.paths().size() == 1
                        && u.components().isEmpty()
                        && appPaths.contains(List.of(
                                u.root().toAbsolutePath().normalize(), u.paths().get(0)))))
                .toList();
        if (units.isEmpty()) return new ReleaseRenders(detected, List.of());
        return new ReleaseRenders(
                detected, factsRenderer(request).run(units, options, r -> {}).rendered());
    }

    /** Renders facts from the tree: through a render cache of the validation's, not counted in its figures. */
    private RenderRunner factsRenderer(ValidateRequest request) {
        return request.cacheDir() == null ? renderer : new RenderCache(renderer, request.cacheDir());
    }

    /**
     * For a run that only prints its result: a validation remembered for inputs exactly as they are now
     * ({@link ValidationMemo}, beside the render cache; it has no context), else {@link #validate}, remembered.
     *
     * @param build identifies this kfboot build; null (or no render cache) always validates
     */
    public Validation validateOrRecall(ValidateRequest request, String build) {
        if (build == null || request.cacheDir() == null) return validate(request);
        KustomizeTool tool;
        try {
            tool = request.render().toolOrDetect(request.cacheDir());
        } catch (InputException none) {
            return validate(request); // reported by the renderer if some app needs kustomize
        }
        ValidateRequest withTool = request.withRender(request.render().withTool(tool));
        ValidationMemo memo = new ValidationMemo(request.cacheDir());
        Optional<ValidationMemo.Snapshot> snapshot = memo.snapshot(withTool, build, tool);
        if (snapshot.isEmpty()) return validate(withTool);
        Optional<Validation> recalled = memo.recall(snapshot.get());
        if (recalled.isPresent()) return recalled.get();
        return validate(withTool, v -> memo.remember(snapshot.get(), v));
    }

    /**
     * Renders every renderable source of every app, apps of apps included (a root whose kustomization lists a
     * Namespace beside the child Applications deploys that Namespace; the Applications themselves are the tree's and
     * are left out of the inventory); kustomize runs only when some source needs it, Helm charts render in process.
     * Each render's objects are read (into {@code read}) as soon as it is done, while the others still render: after a
     * change, the apps served from the cache are read while the changed one renders.
     */
    private AppRenders render(
            Tree tree,
            Map<String, List<ResolvedSource>> sources,
            RenderRunner runner,
            RenderOptions options,
            CompletableFuture<KustomizeTool> tool,
            Map<Rendered, Reading> read,
            Path helmCache,
            AtomicReference<String> kustomizeVersion) {
        Map<String, List<Rendered>> byApp = new LinkedHashMap<>();
        Map<RenderUnit, String> owner = new HashMap<>();
        List<RenderUnit> kustomize = new ArrayList<>();
        for (TreeApp a : tree.apps()) {
            List<Rendered> parts = byApp.computeIfAbsent(a.id(), k -> new ArrayList<>());
            for (ResolvedSource s : sources.get(a.id())) {
                if (!s.kind().renderable()) continue;
                String unitId = a.id() + (s.index() == 0 ? "" : "#source" + s.index());
                if (s.kind() == ResolvedSource.Kind.HELM) {
                    parts.add(withoutTreeObjects(HelmSource.render(a.id(), a, s, sources.get(a.id()), helmCache)));
                    continue;
                }
                if (s.kind() == ResolvedSource.Kind.KUSTOMIZE) {
                    // spec.source.kustomize (namePrefix, images, patches, components, ...) as Argo CD applies it
                    ArgoKustomize k = ArgoKustomize.of(a, s.index(), s.root(), s.path());
                    RenderUnit unit = new RenderUnit(unitId, s.root(), List.of(s.path()), k.components(), k.options());
                    if (k.problem() != null) {
                        parts.add(new Rendered(
                                new RenderUnit(a.id(), s.root(), List.of(s.path()), List.of()),
                                List.of(),
                                new Finding(
                                        KustomizeRenderer.RULE_RENDER_FAILED,
                                        Severity.ERROR,
                                        a.id(),
                                        null,
                                        a.sourceAt(s.index(), "kustomize"),
                                        k.problem(),
                                        "fix spec.source.kustomize.patches: paths are relative to the source path"),
                                List.of(),
                                0));
                        continue;
                    }
                    owner.put(unit, a.id());
                    kustomize.add(unit);
                    continue;
                }
                RenderUnit unit = RenderUnit.of(unitId, s.root(), s.path());
                parts.add(
                        withoutTreeObjects(ofApp(DirectorySource.render(unit, a.directoryOptions(s.index())), a.id())));
            }
        }
        if (!kustomize.isEmpty()) {
            Map<RenderUnit, Rendered> asApp = new ConcurrentHashMap<>();
            Consumer<Rendered> readAhead = r -> {
                progress.accept(r);
                Rendered mine = ofApp(r, owner.get(r.unit()));
                asApp.put(r.unit(), mine);
                if (mine.ok()) {
                    Reading reading = new Reading(mine);
                    synchronized (read) {
                        read.put(mine, reading);
                    }
                    ForkJoinPool.commonPool().execute(reading::start);
                }
            };
            // Argo CD's kustomize.buildOptions, where the tree writes them: the load restrictor kfboot applies too
            CompletableFuture<KustomizeTool> asArgoCd =
                    Boolean.TRUE.equals(tree.settings().kustomizeLoadsAnywhere())
                            ? tool.thenApply(KustomizeTool::loadingAnywhere)
                            : tool;
            Rendering.Result result = runner.run(kustomize, withTool(options, asArgoCd), readAhead);
            kustomizeVersion.set(result.kustomizeVersion());
            for (Rendered r : result.rendered()) {
                byApp.get(owner.get(r.unit())).add(asApp.computeIfAbsent(r.unit(), u -> ofApp(r, owner.get(u))));
            }
        }
        return new AppRenders(byApp);
    }

    /**
     * Reading one render's objects: started in the background as soon as the render is done, or by the first thread
     * that needs them, so reading uses every core at the end however far the background got.
     */
    private static final class Reading {

        private final Rendered render;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<Collected> done = new CompletableFuture<>();

        Reading(Rendered render) {
            this.render = render;
        }

        void start() {
            if (!started.compareAndSet(false, true)) return;
            try {
                done.complete(Collected.of(render, true));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }

        Collected get() {
            start();
            return Background.join(done);
        }
    }

    /** A render of one of an app's sources, as the app's: its objects and failure carry the app's id. */
    private static Rendered ofApp(Rendered r, String app) {
        RenderUnit asApp = new RenderUnit(
                app,
                r.unit().root(),
                r.unit().paths(),
                r.unit().components(),
                r.unit().kustomize());
        Finding failure = r.failure() == null
                ? null
                : new Finding(
                        r.failure().rule(),
                        r.failure().severity(),
                        app,
                        r.failure().resource(),
                        r.failure().location(),
                        r.failure().message(),
                        r.failure().hint());
        return withoutTreeObjects(new Rendered(asApp, r.documents(), failure, r.remoteUrls(), r.millis()));
    }

    /**
     * A render without the Applications, ApplicationSets and AppProjects it holds: those are the tree's own (read
     * from their files, with lines), or apps kfboot follows no further; Argo CD's CRDs exist wherever it runs.
     */
    static Rendered withoutTreeObjects(Rendered r) {
        if (r.documents().stream().noneMatch(Validator::isArgoObject)) return r;
        List<Map<String, Object>> docs =
                r.documents().stream().filter(d -> !isArgoObject(d)).toList();
        return new Rendered(r.unit(), docs, r.failure(), r.remoteUrls(), r.millis());
    }

    private static boolean isArgoObject(Map<String, Object> doc) {
        return doc.get("apiVersion") instanceof String v
                && v.startsWith("argoproj.io/")
                && (ArgoCd.APPLICATION.kind().equals(doc.get("kind"))
                        || ArgoCd.APPLICATION_SET.kind().equals(doc.get("kind"))
                        || ArgoCd.APP_PROJECT.kind().equals(doc.get("kind")));
    }

    /** The options with the kustomize detected ahead; without one, the renderer detects and reports the failure. */
    private static RenderOptions withTool(RenderOptions options, CompletableFuture<KustomizeTool> tool) {
        try {
            return options.withTool(Background.join(tool));
        } catch (RuntimeException e) {
            return options;
        }
    }

    /** Each app's destination namespace: where its namespaced objects without a namespace land. */
    private static Map<String, String> destinations(Tree tree) {
        Map<String, String> out = new HashMap<>();
        for (TreeApp a : tree.apps()) out.put(a.id(), a.app().destinationNamespace());
        return out;
    }

    /** An app that manages Argo CD itself may render argocd-cm: its settings count like the tree's own files. */
    @SuppressWarnings("unchecked")
    private static void scanArgoCdConfig(Tree tree, Inventory inventory) {
        for (Inventory.Entry e : inventory.entries()) {
            if (!e.object().is("", "ConfigMap")
                    || !e.object().id().name().equals(ArgoCd.CM)
                    || e.object().body() == null) continue;
            TreeApp app = tree.apps().stream()
                    .filter(a -> a.id().equals(e.component()))
                    .findFirst()
                    .orElseThrow();
            // an argocd-cm with no data (Argo CD's install manifest) is still the tree's: it has no health check
            Map<String, Object> data =
                    e.object().body().get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
            tree.settings().scanRendered(data, app.location());
        }
    }
}
