package dev.kfboot.cluster.watch;

import dev.kfboot.cluster.argocd.AppStore;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Drives {@link AppWatch}: looks at the informer, hands each step to a listener (the printer), and waits for the next
 * change or the deadline until the step is terminal. Nothing polls: without events it sleeps until the deadline.
 */
public final class AppWatcher {

    private final AppStore store;
    private final LongSupplier nanoTime;

    /** @param nanoTime the clock the deadline is measured on ({@code System::nanoTime}; a stand-in in tests) */
    public AppWatcher(AppStore store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    /**
     * Follows the apps until every one is Synced and Healthy, one failed, or {@code timeout} passed.
     *
     * @param expected the apps to follow, or null for every app that exists
     * @param listener called with every step, the terminal one included
     * @return the terminal step
     */
    public WatchStep run(Set<String> expected, Duration timeout, Consumer<WatchStep> listener)
            throws InterruptedException {
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        while (true) {
            long seen = store.version();
            long left = deadline - nanoTime.getAsLong();
            WatchStep step = AppWatch.step(expected, store.snapshot(), left <= 0);
            listener.accept(step);
            if (step.outcome().terminal()) return step;
            store.awaitChange(seen, Duration.ofNanos(left));
        }
    }
}
