package dev.kfboot.cluster.testing;

import dev.kfboot.argocd.ArgoCd;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.Map;

/**
 * The parts of a cluster {@code kfboot preflight} looks at, created in the mock API server: nodes with allocatable
 * CPU and memory, StorageClasses, and Argo CD's namespace, server Deployment and argocd-cm as its install manifest
 * writes them.
 */
public final class ClusterParts {

    private final MockCluster mock;

    private ClusterParts(MockCluster mock) {
        this.mock = mock;
    }

    public static ClusterParts of(MockCluster mock) {
        return new ClusterParts(mock);
    }

    /** A Ready node with this much allocatable CPU ("4", "3500m") and memory ("16Gi"). */
    public Node node(String name, String cpu, String memory) {
        return mock.create(nodeBuilder(name, cpu, memory, "True").build());
    }

    public NodeBuilder nodeBuilder(String name, String cpu, String memory, String ready) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .withNewStatus()
                .withAllocatable(
                        Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory), "pods", new Quantity("110")))
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready)
                .endCondition()
                .endStatus();
    }

    /** A control-plane node: tainted NoSchedule, so Kubeflow's pods never land on it. */
    public Node controlPlane(String name) {
        return mock.create(nodeBuilder(name, "2", "8Gi", "True")
                .editSpec()
                .addNewTaint()
                .withKey("node-role.kubernetes.io/control-plane")
                .withEffect("NoSchedule")
                .endTaint()
                .endSpec()
                .build());
    }

    public void storageClass(String name, String provisioner, boolean isDefault) {
        var b = new StorageClassBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withProvisioner(provisioner);
        if (isDefault)
            b.editMetadata()
                    .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
                    .endMetadata();
        mock.create(b.build());
    }

    /** Argo CD's namespace and a ready argocd-server running {@code image}, without argocd-cm. */
    public void argoCdServer(String namespace, String image, boolean ready) {
        mock.create(new NamespaceBuilder()
                .withNewMetadata()
                .withName(namespace)
                .endMetadata()
                .build());
        mock.create(new DeploymentBuilder()
                .withNewMetadata()
                .withName("argocd-server")
                .withNamespace(namespace)
                .withGeneration(1L)
                .addToLabels("app.kubernetes.io/name", "argocd-server")
                .addToLabels("app.kubernetes.io/part-of", "argocd")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("argocd-server")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReplicas(1)
                .withUpdatedReplicas(1)
                .withReadyReplicas(ready ? 1 : 0)
                .withAvailableReplicas(ready ? 1 : 0)
                .endStatus()
                .build());
    }

    /** argocd-cm with or without the Application health check. */
    public void argoCdConfig(String namespace, boolean withHealthCheck) {
        var cm = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("argocd-cm")
                .withNamespace(namespace)
                .endMetadata();
        if (withHealthCheck) cm.addToData(ArgoCd.APP_HEALTH_KEY, ArgoCd.APP_HEALTH_LUA);
        mock.create(cm.build());
    }

    /**
     * A cluster that takes a small platform: Kubernetes 1.31, two 4-CPU 16 GiB workers and a control plane, a default
     * StorageClass, Argo CD v3.5.1 with the health check.
     */
    public ClusterParts fitting() {
        mock.serverVersion("1", "31", "v1.31.4");
        controlPlane("control-plane");
        node("worker-1", "4", "16Gi");
        node("worker-2", "4", "16Gi");
        storageClass("standard", "rancher.io/local-path", true);
        argoCdServer("argocd", "quay.io/argoproj/argocd:v3.5.1", true);
        argoCdConfig("argocd", true);
        return this;
    }
}
