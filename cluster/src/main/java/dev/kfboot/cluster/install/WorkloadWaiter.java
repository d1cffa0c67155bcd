package dev.kfboot.cluster.install;

import dev.kfboot.cluster.ChangeSignal;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.LiveMaps;
import dev.kfboot.cluster.health.Health;
import dev.kfboot.cluster.health.HealthChecks;
import dev.kfboot.cluster.health.HealthStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Waits, through informers on Deployments and StatefulSets of one namespace, until every named workload is
 * healthy by kfboot's own checks; reports each workload once when it gets there.
 */
final class WorkloadWaiter {

    private final Cluster cluster;
    private final String namespace;
    private final ChangeSignal changes = new ChangeSignal();

    WorkloadWaiter(Cluster cluster, String namespace) {
        this.cluster = cluster;
        this.namespace = namespace;
    }

    /** Blocks until all {@code workloads} ("Kind/name") are Healthy, or fails with the ones that are not. */
    void await(List<String> workloads, Duration timeout, Consumer<String> progress) {
        try (SharedIndexInformer<?> deployments = cluster.call(
                        "watching Deployments in " + namespace,
                        () -> cluster.client()
                                .apps()
                                .deployments()
                                .inNamespace(namespace)
                                .inform(changes));
                SharedIndexInformer<?> statefulSets = cluster.call(
                        "watching StatefulSets in " + namespace,
                        () -> cluster.client()
                                .apps()
                                .statefulSets()
                                .inNamespace(namespace)
                                .inform(changes))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String> reported = new ArrayList<>();
            while (true) {
                long seen = changes.version();
                Map<String, Health> health = new LinkedHashMap<>();
                for (String w : workloads) health.put(w, health(w, deployments, statefulSets));
                for (var e : health.entrySet()) {
                    if (e.getValue().isHealthy() && !reported.contains(e.getKey())) {
                        reported.add(e.getKey());
                        progress.accept(e.getKey() + " is ready");
                    }
                }
                List<String> notReady = health.entrySet().stream()
                        .filter(e -> !e.getValue().isHealthy())
                        .map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .toList();
                if (notReady.isEmpty()) return;
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new ClusterException(
                            ClusterException.Kind.TIMEOUT,
                            "Argo CD is not ready after " + timeout.toSeconds() + "s: " + String.join(", ", notReady),
                            "look at its pods: kubectl -n " + namespace + " get pods; then run the command again");
                }
                changes.awaitChange(seen, Duration.ofMillis(left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(ClusterException.Kind.FAILED, "interrupted while waiting for Argo CD", null);
        }
    }

    private Health health(String workload, SharedIndexInformer<?> deployments, SharedIndexInformer<?> statefulSets) {
        String kind = workload.substring(0, workload.indexOf('/'));
        String name = workload.substring(workload.indexOf('/') + 1);
        SharedIndexInformer<?> informer = kind.equals("Deployment") ? deployments : statefulSets;
        Object obj = informer.getStore().getByKey(namespace + "/" + name);
        if (obj == null) return new Health(HealthStatus.MISSING, "not created yet");
        Map<String, Object> map = LiveMaps.of((HasMetadata) obj);
        return HealthChecks.standard().of(map).orElse(Health.healthy(""));
    }
}
