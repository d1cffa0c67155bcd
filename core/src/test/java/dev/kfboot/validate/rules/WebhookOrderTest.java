package dev.kfboot.validate.rules;

import static dev.kfboot.validate.rules.OrderingFixtures.CERT_MANAGER;
import static dev.kfboot.validate.rules.OrderingFixtures.KUBEFLOW_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookOrderTest {

    static final String ISTIO = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: istio-sidecar-injector
            webhooks:
              - name: namespace.sidecar-injector.istio.io
                rules:
                  - apiGroups: [""]
                    resources: [pods]
                    operations: [CREATE]
                namespaceSelector:
                  matchLabels: {istio-injection: enabled}
                clientConfig:
                  service: {namespace: istio-system, name: istiod}
            """;
    static final String INJECTED_NAMESPACE =
            KUBEFLOW_NAMESPACE.replace("labels:", "labels:\n    istio-injection: enabled");
    static final String DASHBOARD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: centraldashboard
              namespace: kubeflow
            spec:
              template:
                metadata:
                  labels: {app: centraldashboard}
            """;

    @TempDir
    Path repo;

    private TreeFixture tree(int istioWave, String dashboard) {
        return new TreeFixture(repo)
                .root()
                .app("kubeflow-namespace", 0, "apps/ns", "kubeflow")
                .component("apps/ns", INJECTED_NAMESPACE)
                .app("istio-install", istioWave, "apps/istio", "istio-system")
                .component("apps/istio", ISTIO)
                .app("centraldashboard", 2, "apps/dashboard", "kubeflow")
                .component("apps/dashboard", dashboard);
    }

    @Test
    void podsThroughIstiosInjectorInTheSameWaveAreAnError() {
        List<Finding> f = tree(2, DASHBOARD).findings(new WebhookOrder());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.app()).isEqualTo("centraldashboard");
            assertThat(x.message())
                    .contains("webhook namespace.sidecar-injector.istio.io")
                    .contains("intercepts the pods of -n kubeflow deployment.apps/centraldashboard")
                    .contains("until istio-install is serving");
        });
    }

    @Test
    void certificatesThroughCertManagersWebhookAreAnErrorToo() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("cert-manager", 1, "apps/cm", "cert-manager")
                .component("apps/cm", CERT_MANAGER)
                .app("katib", 1, "apps/katib", "kubeflow", "CreateNamespace=true")
                .component("apps/katib", OrderingFixtures.KATIB);

        assertThat(t.findings(new WebhookOrder()))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("webhook webhook.cert-manager.io"));
    }

    @Test
    void theInjectorInAnEarlierWavePasses() {
        assertThat(tree(1, DASHBOARD).findings(new WebhookOrder())).isEmpty();
    }

    @Test
    void aPodTemplateTheInjectorsObjectSelectorSkipsPasses() {
        String selective = ISTIO.replace(
                "    namespaceSelector:",
                "    objectSelector:\n      matchExpressions:\n"
                        + "        - {key: sidecar.istio.io/inject, operator: NotIn, values: "
                        + "[\"false\"]}\n    namespaceSelector:");
        String optedOut = DASHBOARD.replace(
                "{app: centraldashboard}", "{app: centraldashboard, sidecar.istio.io/inject: \"false\"}");
        TreeFixture t = tree(2, optedOut).component("apps/istio", selective);

        assertThat(t.findings(new WebhookOrder())).isEmpty();
    }
}
