package dev.kfboot.catalog;

import dev.kfboot.model.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog of an upstream tree, whether catalogued or derived: the known release the tree is (found by
 * {@link ReleaseDetector}), or a catalog derived from the tree's own {@code example/kustomization.yaml}
 * ({@link DerivedCatalog}) under an honest name: the tree's git tag or {@code git describe}, else
 * {@code unknown (derived from TREE/example)}, never another release's name.
 *
 * @param recognised for a derived catalog, the components known from other releases and how; else empty
 * @param newComponents for a derived catalog, the components new to kfboot (ids from paths alone); else empty
 * @param notes      what the summary says (info findings; warnings for what derivation left out)
 */
public record TreeCatalog(
        Path tree,
        ReleaseCatalog catalog,
        ReleaseDetection detection,
        Map<String, String> recognised,
        List<String> newComponents,
        List<Finding> notes) {

    public TreeCatalog {
        recognised = Map.copyOf(recognised);
        newComponents = List.copyOf(newComponents);
        notes = List.copyOf(notes);
    }

    /**
     * Detects the tree's release; derives a catalog when it is none kfboot knows. Read afresh on every call
     * ({@link Catalogs#forTree} remembers it per tree; a long-lived {@code validate --watch} must not).
     */
    public static TreeCatalog of(Path tree, Catalogs catalogs) {
        ReleaseDetection d = ReleaseDetector.detect(tree, catalogs);
        if (d.known()) {
            ReleaseCatalog c = catalogs.release(d.release());
            List<Finding> notes = new ArrayList<>();
            notes.add(Notes.info(
                    "release",
                    null,
                    tree + " is release " + d.release() + " (" + d.evidence() + ")"
                            + (c.derived() || "built in".equals(catalogs.origin(d.release()))
                                    ? ""
                                    : "; catalog from " + catalogs.origin(d.release())),
                    ""));
            return new TreeCatalog(tree, c, d, Map.of(), List.of(), notes);
        }
        String where = tree.resolve("example") + "";
        String name = d.label() != null
                ? d.label() + " (derived from " + where + ")"
                : "unknown (derived from " + where + ")";
        DerivedCatalog.Result r = DerivedCatalog.derive(tree, name, d, catalogs);
        List<Finding> notes = new ArrayList<>();
        notes.add(Notes.info(
                "release",
                null,
                tree + " is no release kfboot has a catalog for (" + d.evidence() + "): release " + name,
                "known releases: " + String.join(", ", catalogs.releases())));
        notes.addAll(r.notes());
        return new TreeCatalog(tree, r.catalog(), d, r.recognised(), r.derived(), notes);
    }

    public String release() {
        return catalog.release();
    }

    public boolean derived() {
        return catalog.derived();
    }

    /** One line: which release, how it was found, and for a derived catalog what was recognised and what is new. */
    public String summary() {
        if (!derived()) return "release " + release() + " (" + detection.evidence() + ")";
        return "release " + release() + ": " + catalog.components().size() + " components, " + recognised.size()
                + " recognised, " + newComponents.size() + " new ("
                + (newComponents.isEmpty() ? "none" : String.join(", ", newComponents)) + ")";
    }
}
