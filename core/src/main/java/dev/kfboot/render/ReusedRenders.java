package dev.kfboot.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A runner that answers a unit already rendered in this run from that render, under the unit's own id, and
 * passes the rest on: a derived or edited catalog's variants are mostly the very paths the tree's apps render,
 * and rendering them again (or reading them back from a cache entry still being written) doubles the work.
 * Units are the same when their root, paths, kustomize Components and kustomize options are.
 */
public final class ReusedRenders {

    private ReusedRenders() {}

    /** @param done renders of this run; a failed one answers with its failure (the same input fails the same way) */
    public static RenderRunner over(List<Rendered> done, RenderRunner runner) {
        Map<List<Object>, Rendered> byInput = new HashMap<>();
        for (Rendered r : done) byInput.putIfAbsent(input(r.unit()), r);
        return (units, options, progress) -> {
            List<RenderUnit> fresh =
                    units.stream().filter(u -> !byInput.containsKey(input(u))).toList();
            Rendering.Result rendered = fresh.isEmpty() ? null : runner.run(fresh, options, progress);
            Map<RenderUnit, Rendered> renderedBy = new HashMap<>();
            if (rendered != null) rendered.rendered().forEach(r -> renderedBy.put(r.unit(), r));
            List<Rendered> out = new ArrayList<>();
            for (RenderUnit u : units) {
                Rendered earlier = byInput.get(input(u));
                if (earlier == null) {
                    out.add(renderedBy.get(u));
                    continue;
                }
                Rendered again = new Rendered(u, earlier.documents(), earlier.failure(), earlier.remoteUrls(), 0);
                progress.accept(again);
                out.add(again);
            }
            String version = rendered != null
                    ? rendered.kustomizeVersion()
                    : options.tool() != null ? options.tool().version() : "";
            return new Rendering.Result(out, version);
        };
    }

    private static List<Object> input(RenderUnit u) {
        Path root = u.root().toAbsolutePath().normalize();
        return List.of(root, u.paths(), u.components(), u.kustomize());
    }
}
