package dev.kfboot.cluster.argocd;

import dev.kfboot.cluster.ClusterException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks Argo CD to compare apps with their source again, through the refresh annotation it processes and removes
 * ({@code hard} also drops its manifest cache), and waits until it has.
 */
public final class Refresher {

    private final Applications apps;

    public Refresher(Applications apps) {
        this.apps = apps;
    }

    public void request(List<String> names, boolean hard) {
        for (String n : names) {
            Map<String, Object> annotations = new LinkedHashMap<>();
            annotations.put(ArgoResources.REFRESH_ANNOTATION, hard ? "hard" : "normal");
            apps.mergePatch(n, "requesting a refresh of " + n, Map.of("metadata", Map.of("annotations", annotations)));
        }
    }

    /** Blocks until Argo CD removed the annotation from every app, or fails naming the ones it did not. */
    public static void await(AppStore store, List<String> names, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = store.version();
            List<String> pending = new ArrayList<>();
            for (String n : names) {
                if (store.get(n).map(s -> s.refreshRequested() != null).orElse(false)) pending.add(n);
            }
            if (pending.isEmpty()) return;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ClusterException(ClusterException.Kind.TIMEOUT,
                        "Argo CD did not process the refresh of " + Applications.abbreviate(pending) + " within "
                                + timeout.toSeconds() + "s",
                        "is Argo CD's application controller running? kubectl -n " + store.namespace() + " get pods");
            }
            store.awaitChange(seen, Duration.ofNanos(left));
        }
    }
}
