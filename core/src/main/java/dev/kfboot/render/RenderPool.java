package dev.kfboot.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Renders many units at once, at most one per core, and returns results in the order of the units. */
public final class RenderPool {

    private RenderPool() {}

    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static List<Rendered> renderAll(
            Renderer renderer, List<RenderUnit> units, int threads, Consumer<Rendered> progress) {
        if (threads <= 1 || units.size() <= 1) {
            List<Rendered> out = new ArrayList<>();
            for (RenderUnit u : units) {
                Rendered r = renderer.render(u);
                progress.accept(r);
                out.add(r);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, units.size()), r -> {
            Thread t = new Thread(r, "kfboot-render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Rendered>> futures = new ArrayList<>();
            for (RenderUnit u : units) {
                futures.add(pool.submit(() -> {
                    Rendered r = renderer.render(u);
                    progress.accept(r);
                    return r;
                }));
            }
            List<Rendered> out = new ArrayList<>();
            for (Future<Rendered> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
