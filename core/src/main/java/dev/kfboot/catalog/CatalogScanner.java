package dev.kfboot.catalog;

import dev.kfboot.inventory.Collected;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders every variant of every component of a release and returns the facts {@code plan} reads offline, with
 * each component's fingerprint (how {@link ReleaseDetector} knows the release's files in a tree with no tag).
 * A variant that fails to render is a finding and the facts are not written.
 */
public final class CatalogScanner {

    /** The facts, or the findings that stopped them. */
    public record Result(ReleaseFacts facts, List<Finding> findings) {}

    private CatalogScanner() {}

    public static Result scan(
            ReleaseCatalog catalog, Path upstream, RenderOptions options, Consumer<Rendered> progress) {
        return scan(catalog, upstream, Rendering::run, options, progress);
    }

    /** One unit per variant of every component, with the id {@code component/variant}. */
    public static List<RenderUnit> units(ReleaseCatalog catalog, Path upstream) {
        List<RenderUnit> units = new ArrayList<>();
        for (Component c : catalog.components()) {
            for (Variant v : c.variants())
                units.add(new RenderUnit(c.id() + "/" + v.name(), upstream, v.paths(), v.components()));
        }
        return units;
    }

    /** The same through {@code runner} (validate renders a derived catalog's components through its render cache). */
    public static Result scan(
            ReleaseCatalog catalog,
            Path upstream,
            RenderRunner runner,
            RenderOptions options,
            Consumer<Rendered> progress) {
        List<RenderUnit> units = units(catalog, upstream);
        Map<RenderUnit, String[]> origin = new LinkedHashMap<>();
        for (RenderUnit u : units) origin.put(u, u.id().split("/", 2));
        Rendering.Result result = runner.run(units, options, progress);
        Collected collected = Collected.from(result.rendered(), false);
        Map<String, Map<String, List<KubeObject>>> objects = new LinkedHashMap<>();
        for (RenderUnit u : units) {
            String[] cv = origin.get(u);
            objects.computeIfAbsent(cv[0], k -> new LinkedHashMap<>()).put(cv[1], new ArrayList<>());
        }
        for (KubeObject o : collected.objects()) {
            String[] cv = o.component().split("/", 2);
            objects.get(cv[0]).get(cv[1]).add(o.withComponent(cv[0]));
        }
        return new Result(
                new ReleaseFacts(
                        catalog.release(),
                        catalog.commit(),
                        result.kustomizeVersion(),
                        objects,
                        new ComponentFingerprints(upstream).of(catalog.components())),
                collected.findings());
    }
}
