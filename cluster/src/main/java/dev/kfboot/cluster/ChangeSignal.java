package dev.kfboot.cluster;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts informer events and lets a thread wait for the next one: how kfboot waits for the cluster to change
 * without polling it. Register it as the informers' event handler.
 */
public final class ChangeSignal implements ResourceEventHandler<Object> {

    private final Object lock = new Object();
    private long version;

    @Override
    public void onAdd(Object obj) {
        changed();
    }

    @Override
    public void onUpdate(Object oldObj, Object newObj) {
        changed();
    }

    @Override
    public void onDelete(Object obj, boolean deletedFinalStateUnknown) {
        changed();
    }

    private void changed() {
        synchronized (lock) {
            version++;
            lock.notifyAll();
        }
    }

    /** How many events so far. */
    public long version() {
        synchronized (lock) {
            return version;
        }
    }

    /** Blocks until an event after {@code seen} arrived or {@code max} passed; returns the count then. */
    public long awaitChange(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (version <= seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) break;
                lock.wait(left);
            }
            return version;
        }
    }
}
