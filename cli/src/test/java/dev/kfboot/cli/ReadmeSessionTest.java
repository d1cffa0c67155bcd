package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.cluster.testing.KubeletStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.cluster.testing.Trees;
import dev.kfboot.testing.UpstreamData;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole operator session, end to end, against the mock API server with the Argo CD and kubelet stand-ins: install,
 * password, deploy (a failing wave, then the resume), status, watch, sync, refresh, describe, history, rollback,
 * logs, diff, verify, delete. Each step checks its exit code; the transcript lands in
 * {@code cli/target/readme-session.md}, where the README's examples come from.
 */
class ReadmeSessionTest {

    @TempDir
    Path dir;

    private Transcript transcript;

    private CliRun kfboot(int expected, String... args) {
        return transcript.kfboot(expected, args);
    }

    @Test
    void aSession() throws Exception {
        Path install = UpstreamData.argoCd().resolve("manifests/install.yaml");
        try (MockCluster mock = MockCluster.start();
                KubeletStandIn kubelet = new KubeletStandIn(mock.client(), List.of())) {
            transcript = new Transcript(dir).server(mock.url());
            System.setProperty(
                    "kubeconfig", mock.kubeconfig(dir, MockCluster.TOKEN).toString());
            try {
                kfboot(0, "install-argocd", "--manifest", install.toString());
                try (ArgoCdStandIn argo = ArgoCdStandIn.start(mock)) {
                    session(mock, argo);
                }
            } finally {
                System.clearProperty("kubeconfig");
            }
        }
        transcript.write("readme-session.md");
        assertThat(ReadmeBlocks.assertShownIn(
                        UpstreamData.repoRoot().resolve("docs/operations.md"),
                        Files.readString(Path.of("target", "readme-session.md"))))
                .isPositive();
    }

    private void session(MockCluster mock, ArgoCdStandIn argo) throws Exception {
        mock.create(new SecretBuilder()
                .withNewMetadata()
                .withName("argocd-initial-admin-secret")
                .withNamespace("argocd")
                .endMetadata()
                .addToData("password", Base64.getEncoder().encodeToString("Xk3-pq9Lm2vT".getBytes()))
                .build());
        kfboot(0, "password");

        Trees tree = Trees.in(dir.resolve("kubeflow-apps"))
                .project("kubeflow")
                .app("cert-manager", 0, true, "common/cert-manager/base")
                .app("istio-crds", 0, true, "common/istio/istio-crds/base")
                .app("kubeflow-namespace", 0, true, "common/kubeflow-namespace/base")
                .app("istio-install", 1, true, "common/istio/istio-install/overlays/oauth2-proxy")
                .app("profiles", 2, true, "applications/profiles/pss")
                .app("katib", 2, true, "applications/katib/upstream/installs/katib-with-kubeflow")
                .app("centraldashboard", 2, true, "applications/centraldashboard/overlays/oauth2-proxy")
                .app("user-namespace", 3, true, "common/user-namespace/base")
                .root("kubeflow-apps");
        String t = tree.dir().toString();
        argo.resources(
                "kubeflow-apps",
                List.of(ArgoCdStandIn.resource("argoproj.io", "Application", "argocd", "cert-manager")));
        argo.resources(
                "kubeflow-namespace",
                List.of(
                        ArgoCdStandIn.resource("", "Namespace", null, "kubeflow"),
                        ArgoCdStandIn.resource("", "Namespace", null, "kubeflow-system")));
        argo.resources(
                "profiles",
                List.of(ArgoCdStandIn.resource(
                        "apiextensions.k8s.io", "CustomResourceDefinition", null, "profiles.kubeflow.org")));
        argo.resources(
                "katib",
                List.of(
                        ArgoCdStandIn.resource("apps", "Deployment", "kubeflow", "katib-controller"),
                        ArgoCdStandIn.resource("", "ConfigMap", "kubeflow", "katib-config")));
        argo.resources(
                "centraldashboard",
                List.of(
                        ArgoCdStandIn.resource("apps", "Deployment", "kubeflow", "centraldashboard"),
                        ArgoCdStandIn.resource("", "Service", "kubeflow", "centraldashboard")));
        kubeflowObjects(mock);

        kfboot(0, "deploy", t, "--dry-run");
        argo.failWith(
                "katib",
                "one or more objects failed to apply, reason: Internal error occurred: failed calling webhook "
                        + "\"validator.experiment.katib.kubeflow.org\": no endpoints available "
                        + "for service \"katib-controller\"");
        kfboot(3, "deploy", t);
        argo.awaitOperationEnded("centraldashboard", Duration.ofSeconds(10)); // katib's sibling in wave 2, as shown
        kfboot(1, "status");
        argo.behave("katib", ArgoCdStandIn.Behaviour.SUCCEED);
        kfboot(0, "deploy", t);
        kfboot(0, "status");
        kfboot(0, "status", "-o", "json");
        kfboot(0, "watch", t, "--timeout", "30s");
        kfboot(0, "sync", "katib", "--force", "--server-side");
        kfboot(0, "refresh", "--all", "--hard");
        kfboot(0, "describe", "katib");
        kfboot(0, "history", "katib");
        kfboot(0, "rollback", "katib", "1");
        mock.handle(
                "/pods/katib-controller-7d9f6c5b8-x2x9q/log",
                req -> new MockResponse()
                        .setResponseCode(200)
                        .setBody("{\"level\":\"info\",\"msg\":\"Starting "
                                + "workers\",\"controller\":\"experiment-controller\",\"worker count\":1}\n"
                                + "{\"level\":\"info\",\"msg\":\"Starting "
                                + "workers\",\"controller\":\"trial-controller\",\"worker count\":1}\n"));
        kfboot(0, "logs", "katib", "--tail", "2");
        Path rendered = Files.writeString(dir.resolve("katib-rendered.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: katib-config
                data:
                  katib-config.yaml: |
                    init:
                      controller:
                        webhookPort: 8443
                        trialResources:
                          - Job.v1.batch
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: katib-controller
                spec:
                  replicas: 1
                """);
        kfboot(1, "diff", "katib", "--rendered", rendered.toString());
        kfboot(0, "verify");
        kfboot(2, "delete", "profiles");
        kfboot(
                2,
                "uninstall-argocd",
                "--manifest",
                UpstreamData.argoCd().resolve("manifests/install.yaml").toString());
        kfboot(0, "delete", "--all", "--yes", "--delete-profile-namespaces", "--delete-namespaces");
    }

    /** What the apps would have created, as the verify, describe and logs steps see it. */
    private static void kubeflowObjects(MockCluster m) {
        m.create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("kubeflow-user-example-com")
                .endMetadata()
                .build());
        for (String name : List.of("katib-controller", "centraldashboard")) {
            String label = name.equals("katib-controller") ? "controller" : "centraldashboard";
            m.create(new DeploymentBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withNamespace("kubeflow")
                    .endMetadata()
                    .withNewSpec()
                    .withReplicas(1)
                    .withNewSelector()
                    .addToMatchLabels("app", label)
                    .endSelector()
                    .withNewTemplate()
                    .withNewMetadata()
                    .addToLabels("app", label)
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName(name)
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build());
        }
        m.create(new PodBuilder()
                .withNewMetadata()
                .withName("katib-controller-7d9f6c5b8-x2x9q")
                .withNamespace("kubeflow")
                .addToLabels("app", "controller")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("katib-controller")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .addNewContainerStatus()
                .withName("katib-controller")
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build());
        m.create(new ConfigMapBuilder()
                .withNewMetadata()
                .withName("katib-config")
                .withNamespace("kubeflow")
                .endMetadata()
                .addToData("katib-config.yaml", "init:\n  controller:\n    webhookPort: 8443\n")
                .build());
        m.create(new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("profiles.kubeflow.org")
                .endMetadata()
                .withNewSpec()
                .withGroup("kubeflow.org")
                .withScope("Cluster")
                .withNewNames()
                .withKind("Profile")
                .withPlural("profiles")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Established")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build());
        m.create(new ServiceBuilder()
                .withNewMetadata()
                .withName("centraldashboard")
                .withNamespace("kubeflow")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "centraldashboard")
                .addNewPort()
                .withPort(80)
                .withNewTargetPort(8082)
                .endPort()
                .endSpec()
                .build());
        m.create(new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("centraldashboard-7xk2p")
                .withNamespace("kubeflow")
                .addToLabels("kubernetes.io/service-name", "centraldashboard")
                .endMetadata()
                .withAddressType("IPv4")
                .addNewEndpoint()
                .withAddresses("10.244.1.17")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .endEndpoint()
                .build());
    }
}
