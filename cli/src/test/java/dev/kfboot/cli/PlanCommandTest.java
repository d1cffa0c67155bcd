package dev.kfboot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Golden;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    @Test
    void defaultPlanIsATableOfFiveWaves() {
        CliRun r = CliRun.of("plan", "-q");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Plan for kubeflow/manifests 26.03 (from committed facts): 27 components, 675 objects, 5 waves");
        assertThat(r.out()).containsPattern("(?m)^WAVE +COMPONENT +NAMESPACES +OBJECTS +FIRST REASON$");
        assertThat(r.out()).containsPattern("(?m)^0 +cert-manager +cert-manager,kube-system +52 +no dependencies$");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        CliRun r = CliRun.of("plan", "-o", "json");
        assertThat(r.code()).isZero();
        JsonNode root = Json.mapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("release", "waves", "dependencies");
        assertThat(root.get("release").asText()).isEqualTo("26.03");
        assertThat(root.get("waves")).hasSize(5);
        assertThat(root.get("waves").get(4).get("components").get(0).asText()).isEqualTo("user-namespace");
        JsonNode first = root.get("dependencies").get(0);
        assertThat(first.get("component").asText()).isNotEmpty();
        assertThat(first.get("dependsOn").asText()).isNotEmpty();
        assertThat(first.get("reasons").get(0).asText()).matches("(crd|namespace|webhook|ca-injection|declared|spec): .+");
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
        long edges = mermaid.out().lines().filter(l -> l.contains("-->") || l.contains("-.->")).count();
        assertThat(edges).isEqualTo(dependencyCount());
        assertThat(dot.out()).contains("\"knative-serving\" -> \"kserve\" [label=\"declared\", style=dashed]");
    }

    private static long dependencyCount() {
        try {
            return Json.mapper().readTree(CliRun.of("plan", "-o", "json").out()).get("dependencies").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOptionalComponentAndAVariantChangeThePlan() throws Exception {
        var spec = java.nio.file.Files.createTempFile("platform", ".yaml");
        java.nio.file.Files.writeString(spec, """
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
        assertThat(all).contains("model-registry", "model-registry-ui").doesNotContain("spark-operator").hasSize(28);
    }
}
