package dev.kfboot.render;

import dev.kfboot.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One render run: finds kustomize, loads the remote cache, checks that every unit's paths exist, renders the
 * units in parallel in a temporary workspace and cleans up.
 */
public final class Rendering {

    public static final String RULE_PATH_NOT_FOUND = "path-not-found";

    /** The results, in unit order, and the kustomize version that produced them. */
    public record Result(List<Rendered> rendered, String kustomizeVersion) {}

    private Rendering() {}

    public static Result run(List<RenderUnit> units, RenderOptions options, Consumer<Rendered> progress) {
        KustomizeTool tool = options.toolOrDetect();
        RemoteCache cache = options.remoteCache() == null ? null : RemoteCache.load(options.remoteCache());
        List<RenderUnit> renderable = new ArrayList<>();
        List<Rendered> missing = new ArrayList<>();
        for (RenderUnit u : units) {
            Finding f = checkPaths(u);
            if (f == null) renderable.add(u);
            else missing.add(new Rendered(u, List.of(), f, List.of(), 0));
        }
        missing.forEach(progress);
        // Longest first: with one kustomize per core the slowest render (kserve) must not start last. Each
        // unit's cost is computed once (a comparator calling it would walk every closure n log n times).
        Map<RenderUnit, Long> cost = new ConcurrentHashMap<>();
        renderable.parallelStream().forEach(u -> cost.put(u, estimatedCost(u)));
        renderable.sort(Comparator.comparingLong((RenderUnit u) -> cost.get(u)).reversed());
        List<Rendered> done;
        try (RenderWorkspace ws = RenderWorkspace.create(cache)) {
            done = RenderPool.renderAll(
                    new KustomizeRenderer(
                            tool,
                            ws,
                            options.timeout(),
                            options.threads() > 1 && renderable.size() > 1,
                            options.memoryBytes(),
                            options.deadline()),
                    renderable,
                    options.threads(),
                    progress);
        }
        List<Rendered> ordered = new ArrayList<>();
        for (RenderUnit u : units) {
            ordered.add(done.stream()
                    .filter(r -> r.unit() == u)
                    .findFirst()
                    .orElseGet(() -> missing.stream()
                            .filter(r -> r.unit() == u)
                            .findFirst()
                            .orElseThrow()));
        }
        return new Result(ordered, tool.version());
    }

    /** Bytes a unit's kustomizations read: render time grows with it (CRD-heavy components are slow). */
    static long estimatedCost(RenderUnit u) {
        List<Path> starts = new ArrayList<>();
        for (String p : u.paths()) starts.add(u.root().resolve(p));
        long bytes = 0;
        for (Path f : KustomizationClosure.walk(starts, u.root()).filesToCopy()) {
            try {
                bytes += Files.size(f);
            } catch (IOException e) {
                // unreadable files fail the render itself
            }
        }
        return bytes;
    }

    private static Finding checkPaths(RenderUnit u) {
        List<String> all = new ArrayList<>(u.paths());
        all.addAll(u.components());
        for (String p : all) {
            if (!Files.isDirectory(u.root().resolve(p))) {
                return Finding.error(
                        RULE_PATH_NOT_FOUND,
                        u.id(),
                        "path " + p + " does not exist in " + u.root(),
                        "check that the tree is kubeflow/manifests of the release the spec names");
            }
        }
        return null;
    }
}
