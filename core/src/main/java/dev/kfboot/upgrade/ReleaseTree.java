package dev.kfboot.upgrade;

import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Variant;
import dev.kfboot.graph.DependencyAnalysis;
import dev.kfboot.inventory.Collected;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.plan.WaveCompiler;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import dev.kfboot.yaml.YamlReader;
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
 * A kubeflow/manifests tree as one side of an upgrade: every resource its {@code example/kustomization.yaml} lists is
 * an app, rendered with its body, placed, and waved as {@code plan} does. Both sides are read the same way, so an app
 * keeps its name across releases when its directory does.
 *
 * @param apps     app id to the manifests path it renders
 * @param findings renders that failed (the side is incomplete: the upgrade must not be trusted)
 */
public record ReleaseTree(Side side, Map<String, String> apps, List<Finding> findings) {

    static final String EXAMPLE = "example/kustomization.yaml";
    /** Directory names that say how a component is built, not which one it is. */
    private static final Set<String> GENERIC =
            Set.of("applications", "common", "base", "overlays", "upstream", "installs", "env", "pss");

    public static ReleaseTree render(
            Path tree, String release, RenderRunner runner, RenderOptions options, Consumer<Rendered> progress) {
        return render(tree, release, null, runner, options, progress);
    }

    /**
     * With a catalog (built in, or derived from the tree by {@code Catalogs.forTree}), apps are its example
     * components under their catalog ids; without one, each example resource is an app named by its directory.
     */
    public static ReleaseTree render(
            Path tree,
            String release,
            ReleaseCatalog catalog,
            RenderRunner runner,
            RenderOptions options,
            Consumer<Rendered> progress) {
        Map<String, String> apps = new LinkedHashMap<>();
        List<RenderUnit> units = new ArrayList<>();
        if (catalog != null && !catalog.exampleComponents().isEmpty()) {
            for (Component c : catalog.exampleComponents()) {
                Variant v = c.defaultVariant();
                apps.put(c.id(), String.join(", ", v.paths()));
                units.add(new RenderUnit(c.id(), tree, v.paths(), v.components()));
            }
        } else {
            apps.putAll(apps(tree));
            apps.forEach((id, path) -> units.add(new RenderUnit(id, tree, List.of(path), List.of())));
        }
        Collected objects = Collected.from(runner.run(units, options, progress).rendered(), true);
        Map<String, String> destinations = new LinkedHashMap<>();
        for (String id : apps.keySet()) destinations.put(id, "kubeflow");
        Inventory inventory = Inventory.of(objects.objects(), destinations);
        DependencyAnalysis.Result analysis =
                DependencyAnalysis.analyze(new LinkedHashSet<>(apps.keySet()), inventory, List.of());
        Map<String, Integer> waves = WaveCompiler.compile(analysis.graph(), Map.of());
        List<Finding> findings = new ArrayList<>(objects.findings());
        return new ReleaseTree(
                new Side(release, inventory, waves, analysis.graph().edges()), apps, findings);
    }

    /** The release a tree is: the name of its directory (kubeflow/manifests checkouts are named by tag here). */
    public static String releaseOf(Path tree) {
        Path name = tree.toAbsolutePath().normalize().getFileName();
        return name == null ? tree.toString() : name.toString();
    }

    /** App id to manifests path, in the example's order, from the tree's example kustomization. */
    static Map<String, String> apps(Path tree) {
        Path file = tree.resolve(EXAMPLE);
        if (!Files.isRegularFile(file)) {
            throw new InputException(
                    Location.of(file.toString()),
                    "not a kubeflow/manifests tree: no " + EXAMPLE,
                    "pass the top directory of a kubeflow/manifests checkout");
        }
        List<YNode> docs = YamlReader.forUserFiles().readAll(file, file.toString());
        if (docs.isEmpty()
                || !(docs.get(0) instanceof YMap root)
                || !(root.get("resources").orElse(null) instanceof YSeq seq)) {
            throw new InputException(
                    Location.of(file.toString()),
                    "the example kustomization lists no resources",
                    "it should list the release's components under resources:");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YNode n : seq.items()) {
            if (!(n instanceof YScalar s)) continue;
            String rel =
                    Path.of("example").resolve(s.value()).normalize().toString().replace('\\', '/');
            if (rel.startsWith("..") || Path.of(rel).isAbsolute()) {
                throw new InputException(
                        new Location(file.toString(), s.line()),
                        "resource '" + s.value() + "' leaves the tree",
                        "the example's resources stay inside the manifests checkout");
            }
            out.put(unique(idOf(rel), rel, out), rel);
        }
        return out;
    }

    /**
     * The deepest directory name that says which component it is, skipping build words and variant names (what follows
     * overlays/ or installs/): applications/katib/upstream/installs/katib-with-kubeflow is katib.
     */
    static String idOf(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            boolean variant = i > 0 && (parts[i - 1].equals("overlays") || parts[i - 1].equals("installs"));
            if (!GENERIC.contains(parts[i]) && !variant) return parts[i];
        }
        return parts[parts.length - 1];
    }

    private static String unique(String id, String path, Map<String, String> taken) {
        if (!taken.containsKey(id)) return id;
        String[] parts = path.split("/");
        String longer = id + "-" + parts[parts.length - 1];
        return taken.containsKey(longer) ? longer + "-" + taken.size() : longer;
    }
}
