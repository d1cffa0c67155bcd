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
     * @param derivedFacts renders a catalog's components in the manifests tree (the validation's renderer and
     *                     cache), returning their facts
     */
    static CatalogMatch match(
            Catalogs catalogs,
            Inventory inventory,
            String asked,
            Map<String, List<ResolvedSource>> sources,
            BiFunction<ReleaseCatalog, Path, ReleaseFacts> derivedFacts) {
        if (asked != null) return CatalogMatch.of(catalogs, inventory, asked, null);
        Optional<Path> manifests = manifestsTree(sources);
        if (manifests.isEmpty()) return CatalogMatch.of(catalogs, inventory, null, null);
        TreeCatalog tc;
        try {
            // read afresh: a watching validate sees a changed example or a new tag on the next run
            tc = TreeCatalog.of(manifests.get(), catalogs);
        } catch (InputException notAnExample) {
            // an example/kustomization.yaml that names no component (an app pointed at "example" is a tree's own
            // business): the objects tell the release, as without a manifests tree
            return CatalogMatch.of(catalogs, inventory, null, null);
        }
        List<String> changed = tc.detection().changed();
        if (!tc.derived() && changed.isEmpty()) {
            return CatalogMatch.of(
                    catalogs,
                    inventory,
                    tc.release(),
                    "release " + tc.release() + " of " + manifests.get() + " ("
                            + tc.detection().evidence() + ")");
        }
        if (!tc.derived()) {
            // the release, with the facts of the components the tree changed rendered from the tree
            ReleaseCatalog release = tc.catalog();
            ReleaseCatalog edited = new ReleaseCatalog(
                    release.release(),
                    release.repo(),
                    release.revision(),
                    release.commit(),
                    release.kubernetes(),
                    release.components().stream()
                            .filter(c -> changed.contains(c.id()))
                            .toList());
            ReleaseFacts facts =
                    catalogs.facts(release.release()).overriddenBy(derivedFacts.apply(edited, manifests.get()));
            return CatalogMatch.of(
                    release,
                    facts,
                    CatalogMatch.coreOf(release),
                    inventory,
                    "release " + release.release() + " of " + manifests.get() + " ("
                            + tc.detection().evidence() + "; their facts rendered from the tree)",
                    true);
        }
        ReleaseCatalog derived = tc.catalog();
        return CatalogMatch.of(
                derived,
                derivedFacts.apply(derived, manifests.get()),
                CatalogMatch.coreOf(derived),
                inventory,
                "release " + derived.release() + ": no catalog for it ("
                        + tc.detection().evidence() + "), so its "
                        + derived.components().size() + " components come from the example",
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
