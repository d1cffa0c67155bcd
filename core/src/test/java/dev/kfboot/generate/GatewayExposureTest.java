package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import dev.kfboot.model.InputException;
import dev.kfboot.plan.Plan;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's setup: the dashboard exposed through an existing kgateway Gateway with an HTTPRoute, Istio in
 * ambient mode. The route is an app of its own, placed after what installs the Gateway API CRDs and after the
 * component it routes to; the ambient variant's own Namespaces replace istio-namespace's and
 * kubeflow-namespace's copies instead of fighting over them.
 */
class GatewayExposureTest {

    static final String SPEC = """
            apiVersion: kfboot.dev/v1alpha1
            kind: Platform
            metadata:
              name: kubeflow
            spec:
              release: "26.03"
              components:
                - name: istio-install
                  variant: ambient-oauth2-proxy
              extraApps:
                - name: kgateway
                  repoURL: https://github.com/acme/platform.git
                  path: kgateway
                  namespace: kgateway-system
              exposure:
                gatewayAPI:
                  gateway: {name: kgateway, namespace: kgateway-system, sectionName: https}
                  hostnames: [kubeflow.example.org]
                  mode: %s
                  %s
            """;

    static Platform spec(String mode, String crdsFrom) {
        return Trees.spec(SPEC.formatted(mode, crdsFrom == null ? "" : "crdsFrom: " + crdsFrom));
    }

    static Plan plan(Platform p) {
        return Kfboot.quiet().plan(p, Sources.facts());
    }

    @Test
    void theRouteWaitsForTheCrdProviderAndTheIngressGateway() {
        Plan plan = plan(spec("beside", "kgateway"));
        assertThat(plan.findings()).isEmpty();
        Dependency crd = plan.graph().dependenciesOf("gateway-route").stream()
                .filter(d -> d.dependsOn().equals("kgateway"))
                .findFirst()
                .orElseThrow();
        assertThat(crd.reasons()).extracting(Reason::kind).containsExactly(Reason.Kind.CRD);
        assertThat(plan.waveOf("gateway-route"))
                .isGreaterThan(plan.waveOf("kgateway"))
                .isGreaterThan(plan.waveOf("istio-install"));
    }

    @Test
    void insteadRoutesStraightToTheDashboard() {
        Plan plan = plan(spec("instead", "cluster"));
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.inventory().namespacesOf("gateway-route")).containsExactly("kubeflow");
        assertThat(plan.graph().dependenciesOf("gateway-route"))
                .extracting(Dependency::dependsOn)
                .contains("centraldashboard")
                .doesNotContain("kgateway");
    }

    @Test
    void withoutACrdSourceThePlanWarns() {
        Plan plan = plan(spec("beside", null));
        assertThat(plan.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unknown-kind");
            assertThat(f.message()).contains("HTTPRoute.gateway.networking.k8s.io");
        });
    }

    @Test
    void ambientNamespacesSupersedeTheNamespaceComponentsCopies() {
        GeneratedTree tree = Trees.fork(spec("beside", "kgateway"));
        assertThat(tree.findings()).isEmpty();
        assertThat(tree.plan().inventory().namespaceCreators("kubeflow"))
                .extracting(e -> e.component())
                .containsExactly("istio-install");
        assertThat(tree.file("overlays/kubeflow-namespace/kustomization.yaml"))
                .contains(
                        "drops its namespace/kubeflow: istio-install (variant ambient-oauth2-proxy) ships its own copy")
                .contains("$patch: delete");
        Golden.assertMatches(
                "tree/gateway-route.txt",
                tree.file("apps/gateway-route.yaml")
                        + tree.file("overlays/gateway-route/httproute.yaml")
                        + tree.file("overlays/istio-namespace/kustomization.yaml"));
    }

    @Test
    void badExposureSettingsAreErrorsWithALine() {
        assertThatThrownBy(() -> Kfboot.quiet().resolve(spec("sideways", "kgateway")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown mode 'sideways'")
                .satisfies(
                        e -> assertThat(((InputException) e).location().line()).isEqualTo(19));
        assertThatThrownBy(() -> Kfboot.quiet().resolve(spec("beside", "nope")))
                .hasMessageContaining("crdsFrom 'nope' is not an extra app");
        assertThatThrownBy(() -> Kfboot.quiet().resolve(Trees.spec("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  exposure:
                    gatewayAPI:
                      hostnames: [a.example.org]
                """)))
                .hasMessageContaining("missing required field 'spec.exposure.gatewayAPI.gateway'");
    }
}
