package dev.kfboot;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.ReleaseDetection;
import dev.kfboot.catalog.ReleaseDetector;
import dev.kfboot.catalog.ReleaseFacts;
import dev.kfboot.catalog.TreeCatalog;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.TreeGenerator;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.graph.DependencyAnalysis;
import dev.kfboot.inventory.Collected;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.inventory.ObjectReader;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.plan.Pin;
import dev.kfboot.plan.Plan;
import dev.kfboot.plan.WaveCompiler;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.spec.App;
import dev.kfboot.spec.ExtraApp;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformResolver;
import dev.kfboot.spec.ResolvedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pipeline: spec, then render (or committed facts), inventory, analysis, plan, and for {@code generate} the
 * GitOps tree. Input that cannot be used at all stops it with an {@link InputException}; everything else
 * becomes a finding on the plan.
 */
public final class Kfboot {

    private final Catalogs catalogs;
    private final RenderRunner renderer;
    private final Consumer<Rendered> progress;

    public Kfboot(Catalogs catalogs, RenderRunner renderer, Consumer<Rendered> progress) {
        this.catalogs = catalogs;
        this.renderer = renderer;
        this.progress = progress;
    }

    /** Real kustomize, progress reported to {@code progress}. */
    public Kfboot(Consumer<Rendered> progress) {
        this(Catalogs.builtin(), Rendering::run, progress);
    }

    public Catalogs catalogs() {
        return catalogs;
    }

    public static Kfboot quiet() {
        return new Kfboot(r -> {});
    }

    public Plan plan(Platform spec, Sources sources) {
        return plan(resolve(spec, sources), sources);
    }

    public ResolvedPlatform resolve(Platform spec) {
        return PlatformResolver.resolve(spec, catalogs);
    }

    /**
     * The spec resolved against the release its objects come from. From committed facts that is the spec's release.
     * From an upstream tree it is the tree's own: a spec that names no release takes the release the tree is, or a
     * catalog derived from the tree's example when it is none kfboot knows ({@link Catalogs#forTree}); a spec written
     * for another known release than the tree's is mapped onto the tree's release by its renames, with notices.
     */
    public ResolvedPlatform resolve(Platform spec, Sources sources) {
        if (sources.fromFacts()) return resolve(spec);
        Path tree = sources.upstream();
        if (!Files.isDirectory(tree)) {
            throw new InputException(
                    Location.of(tree.toString()),
                    "upstream directory not found",
                    "pass --upstream with a kubeflow/manifests (kubeflow/community-distribution) checkout"
                            + (spec.release() == null ? "" : " of release " + spec.release()));
        }
        if (spec.release() == null) {
            TreeCatalog tc = catalogs.forTree(tree);
            Catalogs with = tc.derived()
                    ? catalogs.with(tc.catalog(), null, tc.catalog().derivedFrom())
                    : catalogs;
            return PlatformResolver.resolve(withRelease(spec, tc.release()), with, null, tc.notes());
        }
        ReleaseDetection d = ReleaseDetector.detect(tree, catalogs);
        if (d.known() && !d.release().equals(spec.release()) && catalogs.knows(spec.release())) {
            List<Finding> notes = List.of(new Finding(
                    "release",
                    Severity.INFO,
                    null,
                    null,
                    spec.source().known() ? new Location(spec.source().file(), 0) : Location.NONE,
                    spec.sourceName() + " names release " + spec.release() + ", but " + tree + " is " + d.release()
                            + " (" + d.evidence() + "): planning " + d.release()
                            + ", the spec's components mapped by its renames",
                    "write release: \"" + d.release() + "\" in the spec to silence this"));
            return PlatformResolver.resolve(withRelease(spec, d.release()), catalogs, spec.release(), notes);
        }
        return resolve(spec);
    }

    /** The catalog of an upstream tree, catalogued or derived: see {@link Catalogs#forTree}. */
    public TreeCatalog catalogOf(Path tree) {
        return catalogs.forTree(tree);
    }

    private static Platform withRelease(Platform p, String release) {
        return new Platform(
                p.source(),
                p.name(),
                release,
                p.repo(),
                p.components(),
                p.argocd(),
                p.sync(),
                p.extraApps(),
                p.environments(),
                p.clusters(),
                p.gateway());
    }

    /** The whole flow to a GitOps tree: spec, plan, then every file of the tree, in memory. */
    public GeneratedTree generate(Platform spec, Sources sources, TreeOptions options) {
        return generate(resolve(spec, sources), sources, options);
    }

    public GeneratedTree generate(ResolvedPlatform platform, Sources sources, TreeOptions options) {
        return TreeGenerator.generate(platform, plan(platform, sources), options);
    }

    public Plan plan(ResolvedPlatform platform, Sources sources) {
        Collected objects = withoutSuperseded(
                platform,
                (sources.fromFacts() ? fromFacts(platform) : render(platform, sources, false))
                        .plus(generated(platform)));
        Inventory inventory = Inventory.of(objects.objects(), platform.destinationNamespaces());
        // a component that did not render is never placed: it is left out of the graph, and what needs it says so
        Map<String, Finding> failed = Plan.failedRenders(objects.findings());
        Set<String> nodes = new LinkedHashSet<>(platform.nodeIds());
        nodes.removeAll(failed.keySet());
        ReleaseFacts facts = factsOrNull(platform);
        DependencyAnalysis.Result analysis = DependencyAnalysis.analyze(
                nodes,
                inventory,
                platform.declaredEdges(),
                platform.providers().withShippedBy(facts == null ? Map.of() : facts.crdShippers()));
        Map<String, Pin> pins = pins(platform);
        pins.keySet().removeAll(failed.keySet());
        Map<String, Integer> waves = WaveCompiler.compile(analysis.graph(), pins);
        List<Finding> findings = new ArrayList<>(platform.notices());
        findings.addAll(objects.findings());
        findings.addAll(
                failed.isEmpty()
                        ? analysis.findings()
                        : ProviderFailed.rewrite(analysis.findings(), failed, platform, facts));
        String source = sources.fromFacts() ? "from committed facts" : "rendered from " + sources.upstream();
        return new Plan(
                platform.release(), source, waves, analysis.graph(), inventory, analysis.internal(), pins, findings);
    }

    private ReleaseFacts factsOrNull(ResolvedPlatform platform) {
        if (platform.catalog().derived() || !catalogs.knows(platform.release())) return null;
        try {
            return catalogs.facts(platform.release());
        } catch (InputException e) {
            return null;
        }
    }

    /** Renders every app of a resolved platform from an upstream tree. */
    public Collected render(ResolvedPlatform platform, Sources sources, boolean keepBodies) {
        Path root = sources.upstream();
        if (!Files.isDirectory(root)) {
            throw new InputException(
                    Location.of(root.toString()),
                    "upstream directory not found",
                    "pass --upstream with a kubeflow/manifests checkout of release " + platform.release());
        }
        List<RenderUnit> units = new ArrayList<>();
        for (App a : platform.apps()) {
            units.add(new RenderUnit(
                    a.id(), root, a.variant().paths(), a.variant().components()));
        }
        return Collected.from(renderer.run(units, sources.render(), progress).rendered(), keepBodies);
    }

    private Collected fromFacts(ResolvedPlatform platform) {
        ReleaseFacts facts = catalogs.facts(platform.release());
        List<KubeObject> objects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (App a : platform.apps()) {
            var list = facts.of(a.component().id(), a.variant().name());
            if (list.isEmpty()) {
                findings.add(Finding.error(
                        "no-facts",
                        a.id(),
                        "no committed facts for variant " + a.variant().name(),
                        "plan with --upstream DIR to render it, or regenerate facts with kfboot catalog scan"));
                continue;
            }
            for (KubeObject o : list.get()) objects.add(o.withComponent(a.id()));
        }
        return new Collected(objects, findings);
    }

    /** Drops the objects another app's variant ships its own copy of; generate drops them with an overlay too. */
    private static Collected withoutSuperseded(ResolvedPlatform platform, Collected objects) {
        var superseded = platform.superseded();
        if (superseded.isEmpty()) return objects;
        List<KubeObject> kept = new ArrayList<>();
        for (KubeObject o : objects.objects()) {
            if (!superseded.getOrDefault(o.component(), Map.of()).containsKey(o.id())) kept.add(o);
        }
        return new Collected(kept, objects.findings());
    }

    /** Objects kfboot writes itself (the Gateway API route): analysed like rendered ones. */
    private static Collected generated(ResolvedPlatform platform) {
        List<KubeObject> objects = new ArrayList<>();
        for (String app : platform.nodeIds()) {
            for (Map<String, Object> doc : platform.generatedFor(app)) objects.add(ObjectReader.read(doc, app, true));
        }
        return new Collected(objects, List.of());
    }

    private static Map<String, Pin> pins(ResolvedPlatform platform) {
        Map<String, Pin> pins = new LinkedHashMap<>();
        for (App a : platform.apps()) {
            if (a.pinnedWave() != null) pins.put(a.id(), new Pin(a.pinnedWave(), a.setting()));
        }
        for (ExtraApp e : platform.extraApps()) {
            if (e.wave() != null) pins.put(e.name(), new Pin(e.wave(), e.location()));
        }
        return pins;
    }
}
