package dev.kfboot.cluster.argocd;

import dev.kfboot.cluster.ClusterException;
import java.time.Duration;

/** Waits on the informer until an operation kfboot started has ended, and says how. */
public final class OperationWaiter {

    private OperationWaiter() {}

    /** The app once operation {@code id} has ended (and nothing else is pending), or a TIMEOUT failure. */
    public static AppStatus await(AppStore store, String app, String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = store.version();
            AppStatus s = store.get(app)
                    .orElseThrow(() -> new ClusterException(
                            ClusterException.Kind.NOT_FOUND,
                            "Application " + app + " disappeared while its operation ran",
                            "someone deleted it"));
            if (!s.operationInFlight()
                    && s.lastOperation() != null
                    && id.equals(s.lastOperation().kfbootId())) return s;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ClusterException(
                        ClusterException.Kind.TIMEOUT,
                        "the operation on " + app + " did not end within " + timeout.toSeconds() + "s"
                                + (s.lastOperation() == null
                                        ? ""
                                        : " (" + s.lastOperation().phase() + ": "
                                                + s.lastOperation().message() + ")"),
                        "it may still be running: follow it with `kfboot watch`; is Argo CD's "
                                + "application controller running?");
            }
            store.awaitChange(seen, Duration.ofNanos(left));
        }
    }
}
