package dev.kfboot.plan;

import static dev.kfboot.plan.Graphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;
import dev.kfboot.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static Plan plan(DependencyGraph g, Map<String, Pin> pins, List<Finding> findings) {
        return new Plan(
                "26.03",
                "from committed facts",
                WaveCompiler.compile(g, pins),
                g,
                Inventory.of(List.of(), Map.of()),
                List.of(),
                pins,
                findings);
    }

    private static Plan plan(String... edges) {
        return plan(graph(edges), Map.of(), List.of());
    }

    @Test
    void waveListGroupsComponentsSortedByName() {
        Plan p = plan("c -> a", "b -> a");

        assertThat(p.waveList()).containsExactly(new Plan.Wave(0, List.of("a")), new Plan.Wave(1, List.of("b", "c")));
        assertThat(p.waveOf("c")).isEqualTo(1);
        assertThatThrownBy(() -> p.waveOf("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placedByIsTheDependenciesInTheWaveRightBefore() {
        Plan p = plan("b -> a", "c -> a", "c -> b");

        assertThat(p.placedBy("c")).extracting(Dependency::dependsOn).containsExactly("b");
        assertThat(p.placedBy("b")).extracting(Dependency::dependsOn).containsExactly("a");
        assertThat(p.placedBy("a")).isEmpty();
    }

    @Test
    void pinnedComponentFarFromItsDependenciesIsPlacedByNone() {
        Plan p = plan(graph("b -> a"), Map.of("b", new Pin(5, Location.NONE)), List.of());

        assertThat(p.placedBy("b")).isEmpty();
        PlanAssert.assertThat(p).placesInWave("b", 5).placesBefore("a", "b");
    }

    @Test
    void findingsAreSortedAndErrorsAreDetected() {
        Finding warning = Finding.warning("unknown-kind", "b", "creates X", "enable it");
        Finding error = Finding.error("no-facts", "a", "no committed facts", "render it");

        Plan p = plan(graph("b -> a"), Map.of(), List.of(warning, error));

        assertThat(p.findings()).containsExactly(error, warning);
        assertThat(p.hasErrors()).isTrue();
        assertThat(plan(graph("b -> a"), Map.of(), List.of(warning)).hasErrors())
                .isFalse();
    }

    @Test
    void columnsAreLeftAlignedWithTwoSpacesAndTheLastColumnUnpadded() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"WAVE", "COMPONENT", "REASON"});
        rows.add(new String[] {"0", "cert-manager", "no dependencies"});
        rows.add(new String[] {"10", "kserve", ""});

        String text = PlanText.columns(rows);

        assertThat(text).isEqualTo("""
                WAVE  COMPONENT     REASON
                0     cert-manager  no dependencies
                10    kserve
                """);
    }

    @Test
    void tableShowsHeaderAndOneRowPerComponent() {
        Plan p = plan(graph("kserve -> cert-manager"), Map.of(), List.of());

        String table = PlanText.table(p);

        assertThat(table)
                .startsWith("Plan for kubeflow/manifests 26.03 (from committed facts): 2 "
                        + "components, 0 objects, 2 waves\n\n");
        List<String> rows = table.lines().skip(2).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("WAVE  COMPONENT     NAMESPACES  OBJECTS  FIRST REASON");
        assertThat(rows.get(1)).isEqualTo("0     cert-manager  (cluster)   0        no dependencies");
        assertThat(rows.get(2))
                .startsWith("1     kserve        (cluster)   0        after cert-manager: ")
                .endsWith("kserve creates a kind of cert-manager");
    }

    @Test
    void explainMarksThePlacingDependencyAndPins() {
        Plan p = plan(
                graph("c -> a", "c -> b", "b -> a"),
                Map.of("b", new Pin(1, new Location("platform.yaml", 7))),
                List.of());

        String text = PlanText.explain(p);

        assertThat(text).contains("  b (pinned to wave 1 at platform.yaml:7)\n    placed after a (wave 0)\n");
        assertThat(text)
                .contains("  c\n    after a (wave 0)\n      - crd: c creates a kind of a\n"
                        + "    placed after b (wave 1)\n");
        assertThat(text).contains("  a: no dependencies\n");
    }

    @Test
    void jsonHasTheDocumentedKeysAndStructuredReasons() {
        ObjectNode json = Json.mapper().valueToTree(PlanJson.document(plan("b -> a")));

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly("release", "source", "objects", "waves", "components", "dependencies", "internal");
        assertThat(json.get("release").asText()).isEqualTo("26.03");
        assertThat(json.get("waves").get(1).get("wave").asInt()).isEqualTo(1);
        assertThat(json.get("waves").get(1).get("components").get(0).asText()).isEqualTo("b");
        JsonNode dep = json.get("dependencies").get(0);
        assertThat(dep.get("component").asText()).isEqualTo("b");
        assertThat(dep.get("dependsOn").asText()).isEqualTo("a");
        assertThat(dep.get("kinds").get(0).asText()).isEqualTo("crd");
        assertThat(dep.get("placing").asBoolean()).isTrue();
        assertThat(dep.get("reasons").get(0).get("kind").asText()).isEqualTo("crd");
        assertThat(dep.get("reasons").get(0).get("text").asText()).isEqualTo("b creates a kind of a");
        assertThat(json.get("components").get(1).get("placedAfter").get(0).asText())
                .isEqualTo("a");
    }

    @Test
    void jsonAddsFindingsOnlyWhenThereAreSome() {
        Finding f =
                Finding.warning("unknown-kind", "b", "creates X", "enable it").at(new Location("platform.yaml", 3));

        ObjectNode json = Json.mapper().valueToTree(PlanJson.document(plan(graph("b -> a"), Map.of(), List.of(f))));

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(
                        "release", "source", "objects", "waves", "components", "dependencies", "internal", "findings");
        JsonNode finding = json.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("unknown-kind");
        assertThat(finding.get("severity").asText()).isEqualTo("warning");
        assertThat(finding.get("line").asInt()).isEqualTo(3);
        assertThat(PlanJson.write(plan(graph("b -> a"), Map.of(), List.of(f))))
                .isEqualTo(Json.pretty(json))
                .endsWith("\n");
    }
}
