package dev.kfboot.needs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.Requests;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import dev.kfboot.spec.ResolvedPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a platform needs of a cluster, from the catalog's figures and the committed facts. */
class ClusterNeedsTest {

    private static ClusterNeeds needs(Platform spec) {
        Kfboot kfboot = Kfboot.quiet();
        ResolvedPlatform resolved = kfboot.resolve(spec);
        return ClusterNeeds.of(resolved, kfboot.plan(resolved, Sources.facts()).inventory());
    }

    @Test
    void theDefaultPlatformNeedsTheSumOfItsComponentsRequestsAndTheReleasesMinimumKubernetes() {
        ClusterNeeds n = needs(Platform.defaults("26.03"));

        Requests sum = Requests.NONE;
        for (Component c : Catalogs.builtin().release("26.03").exampleComponents()) sum = sum.plus(c.requests());
        assertThat(n.total()).isEqualTo(sum);
        // the README table's rows of the 19 example components with a figure; its Total row (4380m, 12341Mi, 65GB) also
        // counts the optional Model Registry and Training Operator, and does not add up to its rows exactly
        assertThat(n.total()).isEqualTo(new Requests(3868, 10363, 45));
        assertThat(n.kubernetes().minimum()).isEqualTo("1.31");
        assertThat(n.kubernetes().reason()).contains("Istio 1.29");
        assertThat(n.storageByApp()).containsExactly(Map.entry("pipelines", 35), Map.entry("katib", 10));
    }

    @Test
    void crdsAndNamespacesAreThoseThePlatformCreatesWithTheAppThatCreatesThem() {
        ClusterNeeds n = needs(Platform.defaults("26.03"));

        assertThat(n.crds()).hasSize(74);
        assertThat(n.crds())
                .anyMatch(
                        c -> c.name().equals("profiles.kubeflow.org") && c.app().equals("profiles"));
        assertThat(n.crds())
                .anyMatch(c -> c.name().equals("gateways.networking.istio.io")
                        && c.app().equals("istio-crds")
                        && "Helm".equals(c.labels().get("app.kubernetes.io/managed-by")));
        assertThat(n.namespaces())
                .extracting(ClusterNeeds.Created::name)
                .contains(
                        "kubeflow",
                        "kubeflow-system",
                        "istio-system",
                        "cert-manager",
                        "auth",
                        "oauth2-proxy",
                        "knative-serving")
                .doesNotContain("kube-system", "default");
        assertThat(n.apps()).hasSize(27).contains("pipelines", "user-namespace");
    }

    @Test
    void disablingAComponentDropsItsRequestsAndAnOlderReleaseHasItsOwnMinimum() {
        ClusterNeeds n = needs(PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: small
                spec:
                  release: "v1.11.0"
                  components:
                    - name: pipelines
                      enabled: false
                """, "platform.yaml"));

        assertThat(n.total().storageGB()).isEqualTo(10);
        assertThat(n.requests()).doesNotContainKey("pipelines");
        assertThat(n.kubernetes().minimum()).isEqualTo("1.30");
        assertThat(n.kubernetes().reason()).contains("Istio 1.28");
    }
}
