package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.argocd.ArgoResources;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.testing.Kustomize;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code describe}, {@code history}, {@code rollback}, {@code logs} and {@code diff} of one app. */
class AppCommandsTest extends ClusterCliTest {

    @BeforeEach
    void start() {
        cli.argo.resources(
                "katib",
                List.of(
                        Map.of(
                                "group",
                                "apps",
                                "version",
                                "v1",
                                "kind",
                                "Deployment",
                                "namespace",
                                "kubeflow",
                                "name",
                                "katib-controller",
                                "status",
                                "Synced"),
                        Map.of(
                                "version",
                                "v1",
                                "kind",
                                "ConfigMap",
                                "namespace",
                                "kubeflow",
                                "name",
                                "katib-config",
                                "status",
                                "Synced")));
        MockCluster m = cli.mock;
        m.create(new DeploymentBuilder()
                .withNewMetadata()
                .withName("katib-controller")
                .withNamespace("kubeflow")
                .withGeneration(2L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels("katib.kubeflow.org/component", "controller")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("katib.kubeflow.org/component", "controller")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("katib-controller")
                .withImage("ghcr.io/kubeflow/katib/katib-controller:v0.19.0")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(2L)
                .withReplicas(1)
                .withUpdatedReplicas(1)
                .withAvailableReplicas(0)
                .endStatus()
                .build());
        m.create(new PodBuilder()
                .withNewMetadata()
                .withName("katib-controller-7d9f")
                .withNamespace("kubeflow")
                .addToLabels("katib.kubeflow.org/component", "controller")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("katib-controller")
                .endContainer()
                .endSpec()
                .build());
        m.create(new ConfigMapBuilder()
                .withNewMetadata()
                .withName("katib-config")
                .withNamespace("kubeflow")
                .endMetadata()
                .addToData("katib-config.yaml", "init:\n  controller:\n    webhookPort: 8443\n")
                .build());
        cli.deployed();
    }

    @Test
    void describeShowsStateOperationAndResourcesWithTheirHealth() {
        CliRun r = cli.run("describe", "katib");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "Name:          katib",
                        "Wave:          2",
                        "Source:        https://github.com/kubeflow/manifests.git applications/katib @ 26.03",
                        "Sync policy:   automated {prune=true, selfHeal=true} options [ServerSideApply=true]",
                        "Health:        Healthy",
                        "  Phase:       Succeeded",
                        "  Initiated:   kfboot (deploy-",
                        "Resources:     2")
                .containsPattern("  Deployment.apps +kubeflow +katib-controller +Synced +Progressing "
                        + "+Waiting for rollout to finish: 0 of 1 updated")
                .containsPattern("  ConfigMap +kubeflow +katib-config +Synced +-");
    }

    @Test
    void historyAndRollbackWithTheAutoSyncWarning() {
        cli.run("sync", "katib");

        CliRun h = cli.run("history", "katib");
        assertThat(h.code()).isZero();
        assertThat(h.out())
                .startsWith("ID  DEPLOYED")
                .containsPattern("0 +\\S+ +[0-9a-f]{7} +applications/katib@26.03 +kfboot\n1 ");

        CliRun r = cli.run("rollback", "katib", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err())
                .isEqualTo("kfboot: warning: automated sync of katib is now off (Argo CD does not "
                        + "roll back while it is on); `kfboot deploy DIR` switches it back on\n");
        assertThat(r.out())
                .containsPattern(
                        "rolling katib back to history 0: revision [0-9a-f]{40} \\(applications/katib@26.03\\)")
                .contains("katib: rolled back, Synced/Healthy");
        var op = cli.argo.operations("katib").get(2).request();
        assertThat(((Map<?, ?>) op.get("sync")).get("revision")).asString().hasSize(40);

        CliRun bad = cli.run("rollback", "katib", "9");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .startsWith("kfboot: error: Application katib has no history entry 9\n  hint: its entries: 0, 1, 2");
    }

    @Test
    void logsOfTheWorkloadsPods() {
        cli.mock.handle(
                "/pods/katib-controller-7d9f/log",
                req -> new MockResponse()
                        .setResponseCode(200)
                        .setBody(
                                req.getPath().contains("tailLines=2")
                                        ? "ready\nserving\n"
                                        : "starting\nready\nserving\n"));

        CliRun r = cli.run("logs", "katib", "--tail", "2");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("[katib-controller-7d9f/katib-controller] "
                        + "ready\n[katib-controller-7d9f/katib-controller] serving\n");
        CliRun wrong = cli.run("logs", "katib", "-c", "manager");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("no container manager in the pods of katib", "containers: [katib-controller]");
    }

    @Test
    void logsFollowStreamsUntilTheStreamsEnd() {
        cli.mock.handle(
                "/pods/katib-controller-7d9f/log",
                req -> new MockResponse()
                        .setResponseCode(200)
                        .setBody(
                                req.getPath().contains("follow=true")
                                                && req.getPath().contains("sinceSeconds=600")
                                        ? "line one\nline two\n"
                                        : "wrong request\n"));

        CliRun r = cli.run("logs", "katib", "--follow", "--since", "10m");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("[katib-controller-7d9f/katib-controller] line "
                        + "one\n[katib-controller-7d9f/katib-controller] line two\n");
    }

    static String rendered(int webhookPort, int replicas, boolean withUi) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: katib-config
                data:
                  katib-config.yaml: |
                    init:
                      controller:
                        webhookPort: %d
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: katib-controller
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {katib.kubeflow.org/component: controller}
                  template:
                    metadata:
                      labels: {katib.kubeflow.org/component: controller}
                    spec:
                      containers:
                        - name: katib-controller
                          image: ghcr.io/kubeflow/katib/katib-controller:v0.19.0
                """.formatted(webhookPort, replicas) + (withUi ? """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: katib-ui
                """ : "");
    }

    @Test
    void diffOfTheLiveStateItselfFindsNothing() throws Exception {
        Path same = Files.writeString(dir.resolve("same.yaml"), rendered(8443, 1, false));

        CliRun r = cli.run("diff", "katib", "--rendered", same.toString());

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).isEqualTo("katib: no differences in 2 objects\n");
    }

    @Test
    void diffShowsChangedMissingAndExtraObjectsAndExitsOne() throws Exception {
        Path changed = Files.writeString(dir.resolve("changed.yaml"), rendered(9443, 2, true));

        CliRun r = cli.run("diff", "katib", "--rendered", changed.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "--- live -n kubeflow configmap/katib-config",
                        "+++ desired -n kubeflow configmap/katib-config",
                        "-        webhookPort: 8443",
                        "+        webhookPort: 9443",
                        "-  replicas: 1",
                        "+  replicas: 2",
                        "+ -n kubeflow service/katib-ui (not in the cluster: a sync creates it)")
                .endsWith("katib: 2 changed, 1 missing, 0 extra of 3 objects\n");

        Path without = Files.writeString(
                dir.resolve("without.yaml"), rendered(8443, 1, false).split("---")[0]);
        CliRun extra = cli.run("diff", "katib", "--rendered", without.toString());
        assertThat(extra.code()).isEqualTo(1);
        assertThat(extra.out())
                .isEqualTo("- -n kubeflow deployment.apps/katib-controller (in the cluster, not in the source: "
                        + "a sync with --prune deletes it)\nkatib: 0 changed, 0 missing, 1 extra of 1 objects\n");
    }

    @Test
    void diffHonoursTheAppsIgnoreDifferences() throws Exception {
        cli.mock
                .client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace("argocd")
                .withName("katib")
                .edit(a -> {
                    @SuppressWarnings("unchecked")
                    var spec = (Map<String, Object>) a.getAdditionalProperties().get("spec");
                    spec.put(
                            "ignoreDifferences",
                            List.of(
                                    Map.of(
                                            "group",
                                            "apps",
                                            "kind",
                                            "Deployment",
                                            "jsonPointers",
                                            List.of("/spec/replicas")),
                                    Map.of(
                                            "kind",
                                            "ConfigMap",
                                            "jqPathExpressions",
                                            List.of(".data[\"katib-config.yaml\"]"))));
                    return a;
                });
        Path changed = Files.writeString(dir.resolve("changed.yaml"), rendered(9443, 2, false));

        CliRun r = cli.run("diff", "katib", "--rendered", changed.toString());

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).isEqualTo("katib: no differences in 2 objects\n");
    }

    @Test
    void diffRendersTheAppsSourceFromACheckout() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("applications/katib"));
        Files.writeString(
                repo.resolve("applications/katib/kustomization.yaml"), "resources: [all.yaml]\nnamespace: kubeflow\n");
        Files.writeString(repo.resolve("applications/katib/all.yaml"), rendered(8443, 3, false));
        Kustomize.required();

        CliRun r = cli.run("diff", "katib", "--repo-dir", repo.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("-  replicas: 1", "+  replicas: 3")
                .endsWith("katib: 1 changed, 0 missing, 0 extra of 2 objects\n");
        CliRun wrong = cli.run("diff", "katib", "--repo-dir", dir.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("path applications/katib of katib does not exist here");
    }
}
