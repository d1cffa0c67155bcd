package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorCrdOrderTest {

    static final String ISTIO_OPERATOR = """
            apiVersion: install.istio.io/v1alpha1
            kind: IstioOperator
            metadata:
              name: installed-state
              namespace: istio-system
            spec:
              profile: minimal
            """;

    static final String GATEWAY = """
            apiVersion: networking.istio.io/v1beta1
            kind: Gateway
            metadata:
              name: kubeflow-gateway
              namespace: kubeflow
            spec:
              selector: {istio: ingressgateway}
            """;

    @TempDir
    Path repo;

    @Test
    void aGatewayInTheSameWaveAsTheIstioOperatorIsAWarningSayingWhy() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("istio", 1, "apps/istio", "istio-system")
                .component("apps/istio", ISTIO_OPERATOR)
                .app("gateway", 1, "apps/gateway", "kubeflow")
                .component("apps/gateway", GATEWAY);

        List<Finding> f = t.findings(new OperatorCrdOrder());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.app()).isEqualTo("gateway");
            assertThat(x.message())
                    .contains(
                            "Gateway.networking.istio.io",
                            "no app of the tree ships",
                            "the IstioOperator installed-state in app istio makes its operator create it at run time",
                            "both sync in wave 1 of root");
        });
        // crd-order sees nothing: no manifest defines the kind
        assertThat(t.findings("crd-order")).isEmpty();
    }

    @Test
    void theOperatorResourceAndTheCustomResourceInOneAppAreAWarningToo() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("istio", 1, "apps/istio", "istio-system")
                .component("apps/istio", ISTIO_OPERATOR + "---\n" + GATEWAY);

        assertThat(t.findings(new OperatorCrdOrder()))
                .singleElement()
                .satisfies(x ->
                        assertThat(x.message()).contains("both are in this app, so Argo CD applies them in one sync"));
    }

    @Test
    void aLaterWaveOrAShippedCrdPasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("istio", 1, "apps/istio", "istio-system")
                .component("apps/istio", ISTIO_OPERATOR)
                .app("gateway", 2, "apps/gateway", "kubeflow")
                .component("apps/gateway", GATEWAY)
                .app("telemetry", 1, "apps/telemetry", "kubeflow")
                .component("apps/telemetry", """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata: {name: telemetries.telemetry.istio.io}
                        spec:
                          group: telemetry.istio.io
                          names: {kind: Telemetry, plural: telemetries}
                          scope: Namespaced
                          versions: [{name: v1, served: true, storage: true}]
                        ---
                        apiVersion: telemetry.istio.io/v1
                        kind: Telemetry
                        metadata: {name: mesh-default, namespace: kubeflow}
                        """);

        assertThat(t.findings(new OperatorCrdOrder())).isEmpty();
    }
}
