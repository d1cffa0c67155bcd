package dev.kfboot.cluster.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Plays the controllers and kubelets the mock API server lacks, for workloads: every Deployment and StatefulSet
 * that appears (in any namespace) gets a status saying all its replicas are up and ready, unless its name is
 * listed as stuck.
 */
public final class KubeletStandIn implements AutoCloseable {

    private final KubernetesClient client;
    private final List<String> stuck;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kubelet-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<StatefulSet> statefulSets;

    public KubeletStandIn(KubernetesClient client, List<String> stuck) {
        this.client = client;
        this.stuck = stuck;
        deployments = client.apps().deployments().inAnyNamespace().inform(handler(this::ready));
        statefulSets = client.apps().statefulSets().inAnyNamespace().inform(handler(this::ready));
    }

    private <T> ResourceEventHandler<T> handler(Consumer<T> f) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                worker.submit(() -> f.accept(obj));
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                worker.submit(() -> f.accept(newObj));
            }

            @Override
            public void onDelete(T obj, boolean unknown) {}
        };
    }

    private void ready(Deployment d) {
        if (stuck.contains(d.getMetadata().getName())) return;
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        Long generation =
                d.getMetadata().getGeneration() == null ? 1L : d.getMetadata().getGeneration();
        if (d.getStatus() != null
                && Objects.equals(d.getStatus().getObservedGeneration(), generation)
                && Objects.equals(d.getStatus().getAvailableReplicas(), replicas)) return;
        d.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                .build());
        try {
            client.resource(d).updateStatus();
        } catch (RuntimeException e) {
            // a newer version arrives as another event
        }
    }

    private void ready(StatefulSet s) {
        if (stuck.contains(s.getMetadata().getName())) return;
        int replicas = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
        Long generation =
                s.getMetadata().getGeneration() == null ? 1L : s.getMetadata().getGeneration();
        if (s.getStatus() != null
                && Objects.equals(s.getStatus().getObservedGeneration(), generation)
                && Objects.equals(s.getStatus().getReadyReplicas(), replicas)) return;
        s.setStatus(new StatefulSetStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .withCurrentReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withCurrentRevision("r1")
                .withUpdateRevision("r1")
                .build());
        try {
            client.resource(s).updateStatus();
        } catch (RuntimeException e) {
            // a newer version arrives as another event
        }
    }

    @Override
    public void close() {
        deployments.close();
        statefulSets.close();
        worker.shutdownNow();
    }
}
