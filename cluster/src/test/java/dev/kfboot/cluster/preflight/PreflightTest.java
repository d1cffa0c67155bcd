package dev.kfboot.cluster.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.catalog.KubernetesRequirement;
import dev.kfboot.catalog.Requests;
import dev.kfboot.cluster.ClientFactory;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.ConnectionSettings;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import dev.kfboot.cluster.testing.ClusterParts;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.needs.ClusterNeeds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of {@code kfboot preflight} on the mock API server: a cluster that passes it and clusters that do not. */
class PreflightTest {

    @TempDir
    Path dir;

    private MockCluster mock;
    private ClusterParts parts;
    private Cluster cluster;

    /**
     * A small platform: 2 CPU, 6 GiB, 35 GB of PVCs; one CRD (Istio's label as upstream writes it) and one namespace.
     */
    private final ClusterNeeds needs = needs(new Requests(1500, 4096, 35), new Requests(500, 2048, 0));

    private static ClusterNeeds needs(Requests pipelines, Requests katib) {
        Map<String, Requests> requests = new LinkedHashMap<>();
        requests.put("pipelines", pipelines);
        requests.put("katib", katib);
        return new ClusterNeeds(
                "26.03",
                new KubernetesRequirement("1.31", "Istio 1.29 supports Kubernetes 1.31 to 1.35"),
                requests,
                List.of(
                        new ClusterNeeds.Created(
                                "gateways.networking.istio.io",
                                "istio-crds",
                                Map.of("app.kubernetes.io/instance", "istio", "app.kubernetes.io/managed-by", "Helm")),
                        new ClusterNeeds.Created("profiles.kubeflow.org", "profiles", Map.of())),
                List.of(new ClusterNeeds.Created("kubeflow", "kubeflow-namespace", Map.of())),
                Set.of("pipelines", "katib", "istio-crds", "profiles", "kubeflow-namespace"));
    }

    @BeforeEach
    void start() {
        mock = MockCluster.start();
        parts = ClusterParts.of(mock);
        cluster = mock.connect(dir);
    }

    @AfterEach
    void stop() {
        cluster.close();
        mock.close();
    }

    private Map<String, CheckResult> run() {
        return run(needs);
    }

    private Map<String, CheckResult> run(ClusterNeeds n) {
        Map<String, CheckResult> out = new LinkedHashMap<>();
        for (CheckResult r : Preflight.run(new PreflightContext(cluster, n)).checks()) out.put(r.id(), r);
        return out;
    }

    @Test
    void aClusterThatFitsPassesEveryCheck() {
        parts.fitting();

        Map<String, CheckResult> r = run();

        assertThat(r.keySet())
                .containsExactly(
                        "kubernetes-version",
                        "node-capacity",
                        "default-storage-class",
                        "pvc-storage",
                        "foreign-owners",
                        "earlier-install",
                        "argocd-installed",
                        "argocd-app-health");
        assertThat(r.values()).allMatch(x -> x.status() == CheckStatus.PASS || x.id().equals("pvc-storage"));
        assertThat(r.get("kubernetes-version").detail())
                .isEqualTo("v1.31.4; release 26.03 needs 1.31+ (Istio 1.29 supports Kubernetes 1.31 to 1.35)");
        assertThat(r.get("node-capacity").detail())
                .isEqualTo("8 CPU, 32.0 GiB allocatable on 2 of 3 nodes; the platform requests 2 CPU, 6.0 GiB");
        assertThat(r.get("node-capacity").problems())
                .containsExactly(
                        "node control-plane: tainted node-role.kubernetes.io/control-plane:NoSchedule, not counted");
        assertThat(r.get("default-storage-class").detail()).isEqualTo("standard (rancher.io/local-path)");
        assertThat(r.get("pvc-storage").status()).isEqualTo(CheckStatus.INFO);
        assertThat(r.get("pvc-storage").detail()).isEqualTo("35 GB (pipelines 35); the storage backend must have room");
        assertThat(r.get("foreign-owners").detail())
                .isEqualTo("2 CRDs and 1 namespace checked, none belongs to another tool");
        assertThat(r.get("earlier-install").detail()).isEqualTo("none exists yet");
        assertThat(r.get("argocd-installed").detail()).isEqualTo("v3.5.1 in namespace argocd");
        assertThat(r.get("argocd-app-health").detail())
                .isEqualTo("resource.customizations.health.argoproj.io_Application is set");
    }

    @Test
    void aServerOlderThanTheReleasesMinimumFails() {
        parts.fitting();
        mock.serverVersion("1", "30", "v1.30.9");

        CheckResult r = run().get("kubernetes-version");

        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.detail()).startsWith("v1.30.9; release 26.03 needs 1.31+");
        assertThat(r.hint()).contains("Kubernetes 1.31 or newer");
    }

    @Test
    void managedOfferingsMinorVersionsWithAPlusCount() {
        parts.fitting();
        mock.serverVersion("1", "32+", "v1.32.3-eks-4096722");

        assertThat(run().get("kubernetes-version").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void cordonedTaintedAndNotReadyNodesDoNotCountAndTooLittleFails() {
        mock.serverVersion("1", "31", "v1.31.4");
        parts.controlPlane("control-plane");
        parts.node("worker-1", "1500m", "4Gi");
        mock.create(parts.nodeBuilder("worker-2", "8", "32Gi", "True")
                .editSpec()
                .withUnschedulable(true)
                .endSpec()
                .build());
        mock.create(parts.nodeBuilder("gpu-1", "8", "64Gi", "True")
                .editSpec()
                .addNewTaint()
                .withKey("nvidia.com/gpu")
                .withValue("present")
                .withEffect("NoExecute")
                .endTaint()
                .endSpec()
                .build());
        mock.create(parts.nodeBuilder("worker-3", "8", "32Gi", "False").build());

        CheckResult r = run().get("node-capacity");

        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.detail())
                .isEqualTo("1.5 CPU, 4.0 GiB allocatable on 1 of 5 nodes; the platform requests 2 CPU, 6.0 GiB");
        assertThat(r.problems())
                .containsExactly(
                        "node control-plane: tainted node-role.kubernetes.io/control-plane:NoSchedule, not counted",
                        "node gpu-1: tainted nvidia.com/gpu=present:NoExecute, not counted",
                        "node worker-2: cordoned, not counted",
                        "node worker-3: not Ready, not counted");
        assertThat(r.hint()).contains("add nodes");
    }

    @Test
    void enoughCpuButTooLittleMemoryFails() {
        mock.serverVersion("1", "31", "v1.31.4");
        parts.node("worker-1", "16", "5Gi");

        assertThat(run().get("node-capacity").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void noDefaultStorageClassFailsWhenThePlatformHasPvcsAndWarnsOtherwise() {
        parts.storageClass("fast", "ebs.csi.aws.com", false);

        CheckResult withPvcs = run().get("default-storage-class");
        CheckResult withoutPvcs =
                run(needs(new Requests(1500, 4096, 0), Requests.NONE)).get("default-storage-class");

        assertThat(withPvcs.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(withPvcs.detail())
                .isEqualTo("none of 1 StorageClass is the default; the platform's PVCs (35 GB) "
                        + "name no class and stay Pending");
        assertThat(withPvcs.hint()).contains("storageclass.kubernetes.io/is-default-class=true");
        assertThat(withoutPvcs.status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void twoDefaultStorageClassesWarn() {
        parts.storageClass("standard", "rancher.io/local-path", true);
        parts.storageClass("gp3", "ebs.csi.aws.com", true);

        CheckResult r = run().get("default-storage-class");

        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.detail())
                .isEqualTo("2 defaults: gp3 (ebs.csi.aws.com), standard (rancher.io/local-path); "
                        + "PVCs without a class get the newest");
    }

    @Test
    void crdsAndNamespacesOfAnotherArgoCdAppOrOfHelmFail() {
        parts.fitting();
        mock.create(crd(
                "profiles.kubeflow.org",
                Map.of("meta.helm.sh/release-name", "kubeflow"),
                Map.of("app.kubernetes.io/managed-by", "Helm")));
        mock.create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("kubeflow")
                .addToAnnotations("argocd.argoproj.io/tracking-id", "legacy-kubeflow:/Namespace:/kubeflow")
                .endMetadata()
                .build());

        Map<String, CheckResult> r = run();

        assertThat(r.get("foreign-owners").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.get("foreign-owners").detail())
                .isEqualTo("2 belong to another tool (2 CRDs and 1 namespace checked)");
        assertThat(r.get("foreign-owners").problems())
                .containsExactly(
                        "customresourcedefinition/profiles.kubeflow.org (the platform's "
                                + "profiles): Helm release kubeflow (annotation meta.helm.sh/release-name)",
                        "namespace/kubeflow (the platform's kubeflow-namespace): Argo CD "
                                + "Application legacy-kubeflow (annotation argocd.argoproj.io/tracking-id)");
        assertThat(r.get("earlier-install").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void labelsTheUpstreamManifestsCarryThemselvesAreNoOwnerButAHandInstallWarns() {
        parts.fitting();
        // Istio's CRDs as `kubectl apply -k` leaves them: upstream writes instance=istio and managed-by=Helm itself
        mock.create(crd(
                "gateways.networking.istio.io",
                Map.of(),
                Map.of("app.kubernetes.io/instance", "istio", "app.kubernetes.io/managed-by", "Helm")));
        mock.create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("kubeflow")
                .endMetadata()
                .build());

        Map<String, CheckResult> r = run();

        assertThat(r.get("foreign-owners").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("earlier-install").status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.get("earlier-install").detail()).isEqualTo("2 exist without an owner (installed by hand?)");
        assertThat(r.get("earlier-install").problems())
                .containsExactly(
                        "customresourcedefinition/gateways.networking.istio.io (the platform's istio-crds)",
                        "namespace/kubeflow (the platform's kubeflow-namespace)");
        assertThat(r.get("earlier-install").hint()).contains("kfboot adopt DIR");
    }

    @Test
    void objectsTheirOwnAppAlreadyManagesPassBoth() {
        parts.fitting();
        mock.create(crd(
                "profiles.kubeflow.org",
                Map.of(
                        "argocd.argoproj.io/tracking-id",
                        "profiles:apiextensions.k8s.io/CustomResourceDefinition:/profiles.kubeflow.org"),
                Map.of()));
        mock.create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("kubeflow")
                .addToAnnotations("argocd.argoproj.io/tracking-id", "argocd_kubeflow-namespace:/Namespace:/kubeflow")
                .endMetadata()
                .build());

        Map<String, CheckResult> r = run();

        assertThat(r.get("foreign-owners").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("earlier-install").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.get("earlier-install").detail())
                .isEqualTo("2 exist, each managed by the platform's own Application");
    }

    @Test
    void withoutArgoCdBothArgoRowsSaySoWithoutFailing() {
        mock.serverVersion("1", "31", "v1.31.4");

        Map<String, CheckResult> r = run();

        assertThat(r.get("argocd-installed").status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.get("argocd-installed").detail()).isEqualTo("not installed: no namespace argocd");
        assertThat(r.get("argocd-installed").hint()).startsWith("`kfboot install-argocd` installs v3.5.1");
        assertThat(r.get("argocd-app-health").status()).isEqualTo(CheckStatus.INFO);
    }

    @Test
    void argoCdInTheRangeOfIssue27917Warns() {
        parts.argoCdServer("argocd", "quay.io/argoproj/argocd:v3.4.2", true);
        CheckResult r = run().get("argocd-installed");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.detail())
                .startsWith("v3.4.2 in namespace argocd; Argo CD v3.4.2 is in the 3.4.x range of argo-cd#27917");
        assertThat(r.hint()).contains("health check");
    }

    @Test
    void anOldNotReadyOrUnrecognisableArgoCdWarns() {
        parts.argoCdServer("argocd", "quay.io/argoproj/argocd:v2.14.3", true);
        assertThat(run().get("argocd-installed").detail())
                .startsWith("v2.14.3 in namespace argocd; kfboot relies on Argo CD 3's defaults");
        mock.client()
                .apps()
                .deployments()
                .inNamespace("argocd")
                .withName("argocd-server")
                .delete();

        parts.argoCdServer("ops", "registry.local/argocd@sha256:0123abcd", true);
        var ops = new ConnectionSettings(
                mock.kubeconfig(dir, MockCluster.TOKEN),
                null,
                "ops",
                Duration.ofSeconds(5),
                false,
                3,
                Duration.ofMillis(10));
        try (Cluster c = ClientFactory.connect(ops)) {
            CheckResult r = new ArgoCdInstalledCheck().run(new PreflightContext(c, needs));
            assertThat(r.status()).isEqualTo(CheckStatus.WARN);
            assertThat(r.detail())
                    .isEqualTo("version unknown in namespace ops (image registry.local/argocd@sha256:0123abcd)");
        }

        mock.client()
                .apps()
                .deployments()
                .inNamespace("argocd")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("argocd-server")
                        .withNamespace("argocd")
                        .withGeneration(1L)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewTemplate()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("argocd-server")
                        .withImage("quay.io/argoproj/argocd:v3.5.1")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .withNewStatus()
                        .withObservedGeneration(1L)
                        .withReplicas(1)
                        .withUpdatedReplicas(1)
                        .withAvailableReplicas(0)
                        .endStatus()
                        .build())
                .create();
        CheckResult notReady = run().get("argocd-installed");
        assertThat(notReady.status()).isEqualTo(CheckStatus.WARN);
        assertThat(notReady.detail()).startsWith("v3.5.1 in namespace argocd; argocd-server is not ready: Progressing");
    }

    @Test
    void argocdCmWithoutTheHealthCheckWarnsAndTheOldSingleKeyFormCounts() {
        parts.argoCdServer("argocd", "quay.io/argoproj/argocd:v3.5.1", true);
        parts.argoCdConfig("argocd", false);

        CheckResult missing = run().get("argocd-app-health");
        assertThat(missing.status()).isEqualTo(CheckStatus.WARN);
        assertThat(missing.hint()).startsWith("`kfboot install-argocd` adds it");

        mock.client().configMaps().inNamespace("argocd").withName("argocd-cm").edit(cm -> {
            cm.setData(Map.of(
                    "resource.customizations",
                    "argoproj.io/Application:\n  health.lua: |\n    hs = {}\n    return hs\n"));
            return cm;
        });
        assertThat(run().get("argocd-app-health").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aCheckTheUsersRbacForbidsIsAWarningAndOtherFailuresAbort() {
        parts.fitting();
        mock.faults().fail("GET", "/api/v1/nodes", 1, 403);

        CheckResult r = run().get("node-capacity");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.detail()).startsWith("not checked: forbidden (403) while listing nodes");

        mock.faults().fail("GET", "/apis/storage.k8s.io/v1/storageclasses", 10, 500);
        ClusterException e = catchThrowableOfType(ClusterException.class, this::run);
        assertThat(e.kind()).isEqualTo(ClusterException.Kind.API_ERROR);
    }

    private static CustomResourceDefinition crd(
            String name, Map<String, String> annotations, Map<String, String> labels) {
        String group = name.substring(name.indexOf('.') + 1);
        String plural = name.substring(0, name.indexOf('.'));
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(name)
                .withAnnotations(annotations)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope("Namespaced")
                .withNewNames()
                .withKind("Thing" + plural.length())
                .withPlural(plural)
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build();
    }
}
