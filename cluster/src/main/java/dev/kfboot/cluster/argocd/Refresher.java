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

    /** Sets the annotation on each app; returns the resourceVersion each write produced. */
    public Map<String, String> request(List<String> names, boolean hard) {
        Map<String, String> written = new LinkedHashMap<>();
        for (String n : names) {
            Map<String, Object> annotations = new LinkedHashMap<>();
            annotations.put(ArgoResources.REFRESH_ANNOTATION, hard ? "hard" : "normal");
            written.put(
                    n,
                    apps.mergePatch(
                            n, "requesting a refresh of " + n, Map.of("metadata", Map.of("annotations", annotations))));
        }
        return written;
    }

    /**
     * Blocks until Argo CD removed the annotation from every app, or fails naming the ones it did not. The informer may
     * still show a version from before the request, also without the annotation: only a version newer than the one
     * the request wrote counts (resourceVersions are etcd revisions; compared as numbers when they are numbers).
     */
    public static void await(AppStore store, Map<String, String> written, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = store.version();
            List<String> pending = new ArrayList<>();
            for (var w : written.entrySet()) {
                var cached = store.raw(w.getKey());
                boolean done = cached.isEmpty()
                        || AppStatus.of(cached.get()).refreshRequested() == null
                                && newer(cached.get().getMetadata().getResourceVersion(), w.getValue());
                if (!done) pending.add(w.getKey());
            }
            if (pending.isEmpty()) return;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ClusterException(
                        ClusterException.Kind.TIMEOUT,
                        "Argo CD did not process the refresh of " + Applications.abbreviate(pending) + " within "
                                + timeout.toSeconds() + "s",
                        "is Argo CD's application controller running? kubectl -n " + store.namespace() + " get pods");
            }
            store.awaitChange(seen, Duration.ofNanos(left));
        }
    }

    static boolean newer(String cached, String written) {
        try {
            return Long.parseLong(cached) > Long.parseLong(written);
        } catch (NumberFormatException e) {
            return !cached.equals(written);
        }
    }
}
