package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.cluster.testing.Trees;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Golden;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code kfboot verify}: the checklist over what the apps manage. */
class VerifyCommandTest extends ClusterCliTest {

    @BeforeEach
    void start() {
        var m = cli.mock;
        m.createCrd("cert-manager.io", "Certificate", "certificates", "v1", true);
        m.create(new DeploymentBuilder()
                .withNewMetadata()
                .withName("centraldashboard")
                .withNamespace("kubeflow")
                .withGeneration(1L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReplicas(1)
                .withUpdatedReplicas(1)
                .withReadyReplicas(1)
                .withAvailableReplicas(1)
                .endStatus()
                .build());
        m.create(new PodBuilder()
                .withNewMetadata()
                .withName("centraldashboard-5c8b")
                .withNamespace("kubeflow")
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .addNewContainerStatus()
                .withName("centraldashboard")
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
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
                .addNewCondition()
                .withType("NamesAccepted")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build());
        m.create(new ValidatingWebhookConfigurationBuilder()
                .withNewMetadata()
                .withName("katib.kubeflow.org")
                .endMetadata()
                .addNewWebhook()
                .withName("validator.experiment.katib.kubeflow.org")
                .withNewClientConfig()
                .withCaBundle("LS0tLS1CRUdJTg==")
                .withNewService()
                .withName("katib-controller")
                .withNamespace("kubeflow")
                .endService()
                .endClientConfig()
                .endWebhook()
                .build());
        m.create("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: katib-webhook-cert, namespace: kubeflow}
                spec: {secretName: katib-webhook-cert}
                status:
                  conditions:
                    - {type: Ready, status: "True", reason: Ready, message: Certificate is up to date and has not \
                expired}
                """);
        m.create(new NamespaceBuilder()
                .withNewMetadata()
                .withName("kubeflow-user-example-com")
                .endMetadata()
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
                .endPort()
                .endSpec()
                .build());
        m.create(new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("centraldashboard-abcde")
                .withNamespace("kubeflow")
                .addToLabels("kubernetes.io/service-name", "centraldashboard")
                .endMetadata()
                .withAddressType("IPv4")
                .addNewEndpoint()
                .withAddresses("10.0.0.7")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .endEndpoint()
                .build());
        cli.argo.resources(
                "kubeflow-core",
                List.of(
                        ArgoCdStandIn.resource("apps", "Deployment", "kubeflow", "centraldashboard"),
                        ArgoCdStandIn.resource(
                                "apiextensions.k8s.io", "CustomResourceDefinition", null, "profiles.kubeflow.org"),
                        ArgoCdStandIn.resource(
                                "admissionregistration.k8s.io",
                                "ValidatingWebhookConfiguration",
                                null,
                                "katib.kubeflow.org"),
                        ArgoCdStandIn.resource("cert-manager.io", "Certificate", "kubeflow", "katib-webhook-cert")));
        Trees.in(dir.resolve("core")).app("kubeflow-core", 0, false);
        CliRun deploy = cli.run("deploy", dir.resolve("core").toString());
        assertThat(deploy.code()).as(deploy.err()).isZero();
    }

    @Test
    void everyCheckPasses() {
        CliRun r = cli.run("verify");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                RESULT  CHECK                                               DETAIL
                pass    every Argo CD application is Synced and Healthy     1 of 1 applications ok
                pass    Deployments, StatefulSets and DaemonSets are ready  1 of 1 workloads ok
                pass    no pod in CrashLoopBackOff or ImagePullBackOff      1 of 1 pods ok
                pass    CRDs are Established                                1 of 1 CRDs ok
                pass    webhook configurations carry a caBundle             1 of 1 webhooks ok
                pass    cert-manager Certificates are Ready                 1 of 1 certificates ok
                pass    the user profile namespace exists                   namespace kubeflow-user-example-com exists
                pass    the dashboard service has ready endpoints           -n kubeflow service/centraldashboard: 1 \
                ready endpoint

                all 8 checks passed
                """);
    }

    @Test
    void failingChecksAreRowsWithTheObjectsInTroubleAndExitOne() throws Exception {
        var m = cli.mock.client();
        m.pods()
                .inNamespace("kubeflow")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("katib-ui-6f")
                        .withNamespace("kubeflow")
                        .endMetadata()
                        .withNewStatus()
                        .withPhase("Running")
                        .addNewContainerStatus()
                        .withName("katib-ui")
                        .withRestartCount(7)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .withMessage("back-off 5m0s restarting failed container")
                        .endWaiting()
                        .endState()
                        .endContainerStatus()
                        .endStatus()
                        .build())
                .create();
        m.admissionRegistration()
                .v1()
                .validatingWebhookConfigurations()
                .withName("katib.kubeflow.org")
                .edit(w -> {
                    w.getWebhooks().get(0).getClientConfig().setCaBundle(null);
                    return w;
                });
        m.namespaces().withName("kubeflow-user-example-com").delete();

        CliRun r = cli.run("verify");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "fail    no pod in CrashLoopBackOff or ImagePullBackOff      1 of 2 pods ok",
                        "fail    webhook configurations carry a caBundle             0 of 1 webhooks ok",
                        "fail    the user profile namespace exists",
                        "  -n kubeflow pod/katib-ui-6f container katib-ui: CrashLoopBackOff: "
                                + "back-off 5m0s restarting failed container (restarts: 7)",
                        "  validatingwebhookconfiguration.admissionregistration.k8s.io/katib.kubeflow.org "
                                + "webhook validator.experiment.katib.kubeflow.org: no caBundle",
                        "  kubeflow-user-example-com: missing (is the user-namespace app "
                                + "deployed, and its Profile reconciled?)")
                .endsWith("3 failed, 0 warnings, 5 passed\n");

        CliRun jsonRun = cli.run("verify", "-o", "json");
        Golden.assertMatches("verify-failing.json", jsonRun.out());
        JsonNode json = Json.mapper().readTree(jsonRun.out());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("checks")).hasSize(8);
        assertThat(json.get("checks").get(2).get("id").asText()).isEqualTo("pods-not-failing");
        assertThat(json.get("checks").get(2).get("problems").get(0).asText()).contains("CrashLoopBackOff");
        assertThat(json.get("failed").asInt()).isEqualTo(3);
        assertThat(json.get("checks").get(2).get("detail").asText()).isEqualTo("1 of 2 pods ok");
        assertThat(json.get("checks").get(2).get("status").asText()).isEqualTo("fail");

        CliRun yaml = cli.run("verify", "-o", "yaml");
        assertThat(yaml.code()).isEqualTo(1);
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.out());
        assertThat(fromYaml).isEqualTo(json);
    }
}
