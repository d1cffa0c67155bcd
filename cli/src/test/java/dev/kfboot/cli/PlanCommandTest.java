package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @Test
    void defaultPlanIsATableOfFiveWaves() {
        CliRun r = CliRun.of("plan", "-q");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .startsWith("Plan for kubeflow/manifests 26.03 (from committed facts): 27 "
                        + "components, 675 objects, 5 waves");
        assertThat(r.out()).containsPattern("(?m)^WAVE +COMPONENT +NAMESPACES +OBJECTS +FIRST REASON$");
        assertThat(r.out()).containsPattern("(?m)^0 +cert-manager +cert-manager,kube-system +52 +no dependencies$");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aPlatformValidateWouldRejectIsRejectedByPlanWithTheSameVerdict(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("platform.yaml"), """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: kubeflow
                spec:
                  release: "26.03"
                  repo:
                    url: https://github.com/kubeflow/manifests.git
                    revision: "26.03"
                  components:
                    - name: profiles
                      enabled: false
                """);

        CliRun r = CliRun.of("plan", "-q", "-f", spec.toString());

        assertThat(r.code())
                .as("an error finding, as validate gives for the tree")
                .isEqualTo(1);
        // validate's missing-component says the same of a tree: "needs profiles, which no app of the tree installs:
        // ..."
        assertThat(r.err())
                .contains(
                        "error: [missing-component] user-namespace: needs profiles, which no app of the platform "
                                + "installs: it creates Profile.kubeflow.org objects, whose CRD profiles ships",
                        "hint: enable profiles in the spec (components: - name: profiles, enabled: true)")
                .doesNotContain("unknown-kind", "clusterResources");
        JsonNode json = Json.mapper()
                .readTree(CliRun.of("plan", "-f", spec.toString(), "-o", "json").out());
        assertThat(json.at("/findings/0/rule").asText()).isEqualTo("missing-component");
        assertThat(json.at("/findings/0/severity").asText()).isEqualTo("error");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        CliRun r = CliRun.of("plan", "-o", "json");
        assertThat(r.code()).isZero();
        JsonNode root = Json.mapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly("release", "source", "objects", "waves", "components", "dependencies", "internal");
        assertThat(root.get("release").asText()).isEqualTo("26.03");
        assertThat(root.get("waves")).hasSize(5);
        assertThat(root.get("waves").get(4).get("components").get(0).asText()).isEqualTo("user-namespace");
        JsonNode first = root.get("dependencies").get(0);
        assertThat(first.get("component").asText()).isNotEmpty();
        assertThat(first.get("dependsOn").asText()).isNotEmpty();
        assertThat(first.get("reasons").get(0).get("kind").asText())
                .matches("crd|namespace|webhook|ca-injection|declared|spec");
        assertThat(first.get("reasons").get(0).get("text").asText()).isNotBlank();
    }

    @Test
    void explainOfTheDefaultPlanMatchesTheGolden() {
        CliRun r = CliRun.of("plan", "--explain");
        assertThat(r.code()).isZero();
        Golden.assertMatches("plan-explain-26.03.txt", r.out());
    }

    @Test
    void mermaidAndDotMatchTheGoldens() {
        CliRun mermaid = CliRun.of("plan", "-o", "mermaid");
        CliRun dot = CliRun.of("plan", "-o", "dot");
        assertThat(mermaid.code()).isZero();
        assertThat(dot.code()).isZero();
        Golden.assertMatches("plan-26.03.mmd", mermaid.out());
        Golden.assertMatches("plan-26.03.dot", dot.out());
        // every dependency is drawn once, declared ones dashed
        long edges = mermaid.out()
                .lines()
                .filter(l -> l.contains("-->") || l.contains("-.->"))
                .count();
        assertThat(edges).isEqualTo(dependencyCount());
        assertThat(dot.out()).contains("\"knative-serving\" -> \"kserve\" [label=\"declared\", style=dashed]");
    }

    @Test
    void jsonAndYamlMatchTheGoldens(@TempDir Path dir) throws Exception {
        OutputGoldens.assertMatch("plan-26.03", null, 0, "plan", "-q");
        Path spec = Files.writeString(dir.resolve("platform.yaml"), """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: kubeflow
                spec:
                  release: "26.03"
                  components:
                    - name: profiles
                      enabled: false
                    - name: kserve
                      wave: 6
                """);
        OutputGoldens.assertMatch("plan-findings", dir, 1, "plan", "-q", "-f", spec.toString());
    }

    private static long dependencyCount() {
        try {
            return Json.mapper()
                    .readTree(CliRun.of("plan", "-o", "json").out())
                    .get("dependencies")
                    .size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOptionalComponentAndAVariantChangeThePlan() throws Exception {
        var spec = Files.createTempFile("platform", ".yaml");
        Files.writeString(spec, """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  release: "26.03"
                  components:
                    - name: model-registry
                    - name: model-registry-ui
                    - name: pipelines
                      variant: k8s-native
                    - name: spark-operator
                      enabled: false
                """);
        CliRun r = CliRun.of("plan", "-q", "-f", spec.toString(), "-o", "json");
        assertThat(r.code()).isZero();
        JsonNode root = Json.mapper().readTree(r.out());
        List<String> all = new ArrayList<>();
        root.get("waves").forEach(w -> w.get("components").forEach(c -> all.add(c.asText())));
        assertThat(all)
                .contains("model-registry", "model-registry-ui")
                .doesNotContain("spark-operator")
                .hasSize(28);
    }
}
