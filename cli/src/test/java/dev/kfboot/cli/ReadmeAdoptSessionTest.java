package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.testing.ClusterParts;
import dev.kfboot.cluster.testing.KubeletStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.testing.UpstreamData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Taking over a cluster where Kubeflow was installed by hand, end to end against the mock API server (a kubelet
 * stand-in makes Argo CD's workloads ready): preflight finds cert-manager installed with Helm and the hand install;
 * a spec without cert-manager, Argo CD installed, preflight again; adopt reports, then --apply. The transcript lands
 * in {@code cli/target/readme-adopt-session.md}, where the README's preflight and adopt examples come from.
 */
class ReadmeAdoptSessionTest {

    @TempDir
    Path dir;

    @Test
    void aSession() throws Exception {
        Path install = UpstreamData.argoCd().resolve("manifests/install.yaml");
        Transcript t = new Transcript(dir);
        try (MockCluster mock = MockCluster.start();
                KubeletStandIn kubelet = new KubeletStandIn(mock.client(), List.of())) {
            t.server(mock.url());
            System.setProperty(
                    "kubeconfig", mock.kubeconfig(dir, MockCluster.TOKEN).toString());
            try {
                handInstalledCluster(mock);
                Path tree = HandInstall.tree(dir.resolve("kubeflow-platform"));
                t.kfboot(1, "preflight");
                Path spec = Files.writeString(dir.resolve("platform.yaml"), """
                        apiVersion: kfboot.dev/v1alpha1
                        kind: Platform
                        metadata:
                          name: kubeflow
                        spec:
                          release: "26.03"
                          components:
                            - name: cert-manager
                              enabled: false
                        """);
                t.kfboot(0, "install-argocd", "--manifest", install.toString());
                t.kfboot(0, "preflight", "-f", spec.toString());
                t.kfboot(1, "adopt", tree.toString(), "--no-cache", "-q");
                t.kfboot(1, "adopt", tree.toString(), "--no-cache", "-q", "--apply");
            } finally {
                System.clearProperty("kubeconfig");
            }
        }
        t.write("readme-adopt-session.md");
        assertThat(ReadmeBlocks.assertShownIn(
                        UpstreamData.repoRoot().resolve("docs/operations.md"),
                        Files.readString(Path.of("target", "readme-adopt-session.md"))))
                .isPositive();
    }

    /**
     * Kubernetes 1.31, a control plane and two workers, a default StorageClass, cert-manager from Helm, Kubeflow by
     * hand.
     */
    private static void handInstalledCluster(MockCluster mock) {
        ClusterParts parts = ClusterParts.of(mock);
        mock.serverVersion("1", "31", "v1.31.4");
        parts.controlPlane("control-plane");
        parts.node("worker-1", "8", "32Gi");
        parts.node("worker-2", "8", "32Gi");
        parts.storageClass("standard", "rancher.io/local-path", true);
        mock.create("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: certificates.cert-manager.io
                  labels: {app.kubernetes.io/managed-by: Helm, app.kubernetes.io/instance: cert-manager}
                  annotations: {meta.helm.sh/release-name: cert-manager, meta.helm.sh/release-namespace: cert-manager}
                spec:
                  group: cert-manager.io
                  scope: Namespaced
                  names: {kind: Certificate, plural: certificates}
                  versions: [{name: v1, served: true, storage: true}]
                """);
        HandInstall.install(mock);
    }
}
