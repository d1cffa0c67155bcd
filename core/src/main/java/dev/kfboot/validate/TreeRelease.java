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
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Which release a tree's release-specific checks (the core set, partial renders) measure against, and how kfboot
 * knows: {@code --release}; else the release of the manifests tree the apps' sources are read from (a fork's checkout
 * or a {@code --source} checkout: the directory with {@code example/kustomization.yaml}), detected as {@code plan}
 * detects it ({@link TreeCatalog#of}; the components whose files the tree changed rendered), or, for a tree kfboot
 * has no catalog for, the components derived from its example, rendered; else (no such tree, or an example that names no component) the release whose committed facts
 * contain most of the rendered objects.
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
         * The catalog whose facts must be rendered from the tree: a derived catalog whole, or the release's
         * components the tree changed; null when the committed facts serve.
         */
        ReleaseCatalog toRender() {
            if (tree == null) return null;
            if (tree.derived()) return tree.catalog();
            List<String> changed = tree.detection().changed();
            if (changed.isEmpty()) return null;
            ReleaseCatalog release = tree.catalog();
            return new ReleaseCatalog(
                    release.release(),
                    release.repo(),
                    release.revision(),
                    release.commit(),
                    release.kubernetes(),
                    release.components().stream()
                            .filter(c -> changed.contains(c.id()))
                            .toList());
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
     * @param renderedFacts renders {@link Detected#toRender()} in the manifests tree (the validation's renderer and
     *                      cache), returning its facts
     */
    static CatalogMatch match(
            Catalogs catalogs,
            Inventory inventory,
            Detected detected,
            BiFunction<ReleaseCatalog, Path, ReleaseFacts> renderedFacts) {
        TreeCatalog tc = detected.tree();
        if (tc == null) return CatalogMatch.of(catalogs, inventory, detected.asked(), null);
        Path manifests = detected.manifests();
        ReleaseCatalog toRender = detected.toRender();
        if (toRender == null) {
            return CatalogMatch.of(
                    catalogs,
                    inventory,
                    tc.release(),
                    "release " + tc.release() + " of " + manifests + " ("
                            + tc.detection().evidence() + ")");
        }
        ReleaseFacts rendered = renderedFacts.apply(toRender, manifests);
        if (!tc.derived()) {
            // the release, with the facts of the components the tree changed rendered from the tree
            return CatalogMatch.of(
                    tc.catalog(),
                    catalogs.facts(tc.release()).overriddenBy(rendered),
                    CatalogMatch.coreOf(tc.catalog()),
                    inventory,
                    "release " + tc.release() + " of " + manifests + " ("
                            + tc.detection().evidence() + "; their facts rendered from the tree)",
                    true);
        }
        return CatalogMatch.of(
                toRender,
                rendered,
                CatalogMatch.coreOf(toRender),
                inventory,
                "release " + toRender.release() + ": no catalog for it ("
                        + tc.detection().evidence() + "), so its "
                        + toRender.components().size() + " components come from the example",
                true);
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
