package dev.kfboot.validate;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.ReleaseFacts;
import dev.kfboot.catalog.TreeCatalog;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Which release a tree's release-specific checks (the core set, partial renders) measure against, and how kfboot
 * knows: {@code --release}; else the release of the manifests tree the apps' sources are read from (a fork's checkout
 * or a {@code --source} checkout: the directory with {@code example/kustomization.yaml}), detected as {@code plan}
 * detects it ({@link TreeCatalog#of}), with the facts of a component whose files the tree changed rendered from the
 * tree when its apps do not render every object of the release's; or, for a tree kfboot has no catalog for, the
 * components derived from its example, rendered; else (no such tree, or an example that names no component) the
 * release whose committed facts contain most of the rendered objects.
 */
final class TreeRelease {

    private TreeRelease() {}

    /**
     * What kfboot knows of the tree's release before anything renders.
     *
     * @param asked     {@code --release}, or null
     * @param manifests the manifests tree the apps' sources are read from, or null
     * @param tree      that tree's catalog (known, known with changed components, or derived), or null when it has
     *                  none (no such tree, a release asked for, an example that names no component)
     */
    record Detected(String asked, Path manifests, TreeCatalog tree) {

        /**
         * A catalog derived from the tree's example, whose facts all come from the tree (rendered beside the apps);
         * null for a known release, whose changed components are rendered only when the apps' renders call for it
         * ({@link #match}).
         */
        ReleaseCatalog derived() {
            return tree != null && tree.derived() ? tree.catalog() : null;
        }
    }

    /** Detects the release of the manifests tree the sources are read from (not when one is asked for). */
    static Detected detect(Catalogs catalogs, String asked, Map<String, List<ResolvedSource>> sources) {
        if (asked != null) return new Detected(asked, null, null);
        Optional<Path> manifests = manifestsTree(sources);
        if (manifests.isEmpty()) return new Detected(null, null, null);
        try {
            // read afresh: a watching validate sees a changed example or a new tag on the next run
            return new Detected(null, manifests.get(), TreeCatalog.of(manifests.get(), catalogs));
        } catch (InputException notAnExample) {
            // an example/kustomization.yaml that names no component (an app pointed at "example" is a tree's own
            // business): the objects tell the release, as without a manifests tree
            return new Detected(null, manifests.get(), null);
        }
    }

    /**
     * @param renderedFacts renders a catalog's components in the manifests tree (the validation's renderer and
     *                      cache), returning their facts: a derived catalog whole, or a known release's changed
     *                      components that the apps do not render whole
     */
    static CatalogMatch match(
            Catalogs catalogs,
            Inventory inventory,
            Detected detected,
            BiFunction<ReleaseCatalog, Path, ReleaseFacts> renderedFacts) {
        TreeCatalog tc = detected.tree();
        if (tc == null) return CatalogMatch.of(catalogs, inventory, detected.asked(), null);
        Path manifests = detected.manifests();
        if (tc.derived()) {
            ReleaseCatalog derived = tc.catalog();
            return CatalogMatch.of(
                    derived,
                    renderedFacts.apply(derived, manifests),
                    CatalogMatch.coreOf(derived),
                    inventory,
                    "release " + derived.release() + ": no catalog for it ("
                            + tc.detection().evidence() + "), so its "
                            + derived.components().size() + " components come from the example",
                    true);
        }
        String basis = "release " + tc.release() + " of " + manifests + " ("
                + tc.detection().evidence();
        CatalogMatch released = CatalogMatch.of(
                tc.catalog(),
                catalogs.facts(tc.release()),
                CatalogMatch.coreOf(tc.catalog()),
                inventory,
                basis + ")",
                false);
        // a changed component whose apps render every object the release's has is measured by the release's facts
        // as well as by the tree's: rendering it again would cost a kustomize run and tell nothing new
        Set<String> whole = released.acrossTree().stream()
                .filter(CatalogMatch.Coverage::complete)
                .map(c -> c.component().id())
                .collect(Collectors.toSet());
        List<String> stale = tc.detection().changed().stream()
                .filter(id -> !whole.contains(id))
                .toList();
        if (stale.isEmpty()) return released;
        ReleaseFacts rendered = renderedFacts.apply(only(tc.catalog(), stale), manifests);
        return CatalogMatch.of(
                tc.catalog(),
                catalogs.facts(tc.release()).overriddenBy(rendered),
                CatalogMatch.coreOf(tc.catalog()),
                inventory,
                basis + "; the facts of " + String.join(", ", stale) + " rendered from the tree)",
                true);
    }

    private static ReleaseCatalog only(ReleaseCatalog release, List<String> ids) {
        return new ReleaseCatalog(
                release.release(),
                release.repo(),
                release.revision(),
                release.commit(),
                release.kubernetes(),
                release.components().stream().filter(c -> ids.contains(c.id())).toList());
    }

    /**
     * The manifests tree most of the apps' rendered sources are read from: a source's checkout with an
     * {@code example/kustomization.yaml} (ties go to the first path), or empty when no source is read from one.
     */
    static Optional<Path> manifestsTree(Map<String, List<ResolvedSource>> sources) {
        Map<Path, Integer> counts = new TreeMap<>();
        for (List<ResolvedSource> list : sources.values()) {
            for (ResolvedSource s : list) {
                if (!s.kind().renderable() || s.root() == null) continue;
                Path root = s.root().toAbsolutePath().normalize();
                if (counts.containsKey(root) || Files.isRegularFile(root.resolve("example/kustomization.yaml"))) {
                    counts.merge(root, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .max((a, b) -> a.getValue() - b.getValue() != 0
                        ? a.getValue() - b.getValue()
                        : b.getKey().compareTo(a.getKey()))
                .map(Map.Entry::getKey);
    }
}
