package dev.kfboot.bench;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rendering the 27 components of the 26.03 example: kfboot's parallel render (one kustomize per core) against
 * sequential per-component kustomize in the same run, printed as a ratio. Alternates the order so neither
 * side always gets the warm cache.
 */
final class ParallelRenderBench implements Bench.Benchmark {

    @Override
    public void run(Bench.BenchContext ctx) {
        Path tree = ctx.release("26.03");
        if (!Files.isDirectory(tree)) {
            System.out.println("skipped: no upstream tree at " + tree + " (pass -Dkfboot.upstream=DIR)");
            return;
        }
        List<RenderUnit> units = new ArrayList<>();
        for (Component c : Catalogs.builtin().release("26.03").exampleComponents()) {
            units.add(new RenderUnit(
                    c.id(), tree, c.defaultVariant().paths(), c.defaultVariant().components()));
        }
        RenderOptions parallel = RenderOptions.defaults(ctx.remoteCache());
        RenderOptions sequential = parallel.withThreads(1);
        time(units, parallel); // warm-up
        double seq = 0;
        double par = 0;
        int rounds = 3;
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                seq += time(units, sequential);
                par += time(units, parallel);
            } else {
                par += time(units, parallel);
                seq += time(units, sequential);
            }
        }
        seq /= rounds;
        par /= rounds;
        System.out.printf(
                "render 27 components: sequential %.2f s, parallel (%d jobs) %.2f s, ratio parallel/sequential %.2f%n",
                seq, parallel.threads(), par, par / seq);
    }

    private static double time(List<RenderUnit> units, RenderOptions options) {
        long start = System.nanoTime();
        List<Rendered> out = Rendering.run(units, options, r -> {}).rendered();
        double s = (System.nanoTime() - start) / 1e9;
        long failed = out.stream().filter(r -> !r.ok()).count();
        if (failed > 0) throw new IllegalStateException(failed + " renders failed");
        return s;
    }
}
