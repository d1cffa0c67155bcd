package dev.kfboot.cluster.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.testing.KubeletStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.model.InputException;
import dev.kfboot.testing.UpstreamData;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing Argo CD v3.5.1's real install.yaml (from the shared upstream data; skipped without it) into the mock API
 * server, where server-side apply is stood in and a kubelet stand-in makes workloads ready.
 */
class ArgoCdInstallIT {

    @TempDir
    Path dir;

    MockCluster mock;
    KubeletStandIn kubelet;

    @BeforeEach
    void start() {
        mock = MockCluster.start();
    }

    @AfterEach
    void stop() {
        if (kubelet != null) kubelet.close();
        mock.close();
    }

    static ArgoCdManifest real() {
        return ArgoCdManifest.fromFile(UpstreamData.argoCd().resolve("manifests/install.yaml"));
    }

    @Test
    void installsIntoANewNamespaceAddsTheHealthCheckAndWaitsForTheWorkloads() {
        ArgoCdManifest manifest = real();
        kubelet = new KubeletStandIn(mock.client(), List.of());
        List<String> lines = new ArrayList<>();
        ArgoCdInstaller.Result r;
        try (Cluster c = mock.connect(dir)) {
            r = new ArgoCdInstaller(c, lines::add).install(manifest, Duration.ofSeconds(20));
        }
        assertThat(r.applied()).isEqualTo(59);
        assertThat(r.crds()).isEqualTo(3);
        assertThat(r.namespaceCreated()).isTrue();
        assertThat(r.workloads())
                .contains("StatefulSet/argocd-application-controller", "Deployment/argocd-server")
                .hasSize(7);
        assertThat(lines)
                .contains(
                        "created namespace argocd",
                        "added the argoproj.io/Application health check to argocd-cm",
                        "Deployment/argocd-server is ready");
        ConfigMap cm = mock.client()
                .configMaps()
                .inNamespace("argocd")
                .withName("argocd-cm")
                .get();
        assertThat(cm.getData()).containsEntry(ArgoCd.APP_HEALTH_KEY, ArgoCd.APP_HEALTH_LUA);
        assertThat(mock.client()
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("applications.argoproj.io")
                        .get())
                .isNotNull();
        assertThat(mock.countRequests("PATCH", "fieldManager=kfboot&force=true"))
                .as("server-side apply")
                .isEqualTo(59);
    }

    @Test
    void runningItAgainChangesNothingAndAnotherNamespaceGetsTheSubjectsRight() {
        ArgoCdManifest manifest = real();
        kubelet = new KubeletStandIn(mock.client(), List.of());
        try (Cluster c = mock.connect(dir)) {
            new ArgoCdInstaller(c, l -> {}).install(manifest, Duration.ofSeconds(20));
            List<String> again = new ArrayList<>();
            ArgoCdInstaller.Result r = new ArgoCdInstaller(c, again::add).install(manifest, Duration.ofSeconds(20));
            assertThat(r.namespaceCreated()).isFalse();
            assertThat(r.healthCheckChanged()).isFalse();
        }
        var objects = manifest.objects("gitops");
        assertThat(objects)
                .filteredOn(o -> "ClusterRoleBinding".equals(o.get("kind")))
                .allSatisfy(o ->
                        assertThat(o.toString()).contains("namespace=gitops").doesNotContain("namespace=argocd"));
    }

    @Test
    void workloadsThatNeverGetReadyEndInATimeoutNamingThem() {
        ArgoCdManifest manifest = real(); // outside the lambda: without the shared data the test is skipped, not failed
        kubelet = new KubeletStandIn(mock.client(), List.of("argocd-repo-server"));
        try (Cluster c = mock.connect(dir)) {
            assertThatThrownBy(() -> new ArgoCdInstaller(c, l -> {}).install(manifest, Duration.ofSeconds(2)))
                    .isInstanceOfSatisfying(ClusterException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ClusterException.Kind.TIMEOUT);
                        assertThat(e.getMessage())
                                .contains("Argo CD is not ready after 2s: Deployment/argocd-repo-server (Progressing");
                    });
        }
    }

    @Test
    void uninstallRefusesWhileApplicationsExistAndRemovesEverythingAfterwards() {
        ArgoCdManifest manifest = real();
        kubelet = new KubeletStandIn(mock.client(), List.of());
        try (Cluster c = mock.connect(dir)) {
            new ArgoCdInstaller(c, l -> {}).install(manifest, Duration.ofSeconds(20));
            mock.create("""
                    apiVersion: argoproj.io/v1alpha1
                    kind: Application
                    metadata: {name: katib, namespace: argocd, finalizers: [resources-finalizer.argocd.argoproj.io]}
                    spec: {project: default}
                    """);
            assertThatThrownBy(
                            () -> new ArgoCdUninstaller(c, l -> {}).uninstall(manifest, false, Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(ClusterException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ClusterException.Kind.REFUSED);
                        assertThat(e.getMessage()).isEqualTo("1 Applications still exist in argocd (katib)");
                    });
            int deleted = new ArgoCdUninstaller(c, l -> {}).uninstall(manifest, true, Duration.ofSeconds(10));
            assertThat(deleted).isEqualTo(59);
        }
        assertThat(mock.client()
                        .apps()
                        .deployments()
                        .inNamespace("argocd")
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(mock.client().rbac().clusterRoleBindings().list().getItems())
                .extracting(ClusterRoleBinding::getMetadata)
                .noneMatch(m -> m.getName().startsWith("argocd"));
    }

    @Test
    void aFileThatIsNotArgoCdsManifestIsRefused() throws Exception {
        Path f = Files.writeString(
                dir.resolve("install.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        assertThatThrownBy(() -> ArgoCdManifest.fromFile(f))
                .isInstanceOf(InputException.class)
                .hasMessage("this is not Argo CD's install manifest: it has no Application CRD");
        assertThatThrownBy(() -> ArgoCdManifest.download("latest", Duration.ofSeconds(1)))
                .isInstanceOf(InputException.class)
                .hasMessage("not an Argo CD version: 'latest'");
    }
}
