package dev.kfboot.render;

import dev.kfboot.model.InputException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started ahead of the moment it is needed, on a daemon thread of its own: it mostly waits (for a process, for
 * the disk), so it must not take a thread of the common pool that the parallel streams beside it use.
 */
public final class Background {

    private Background() {}

    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        result.complete(work.get());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** The result, or the work's own exception (an {@link InputException} stays one). */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
