package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kfboot.model.Json;
import dev.kfboot.testing.UpstreamData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan -o json} (and yaml) of real platforms validates against the published docs/plan.schema.json. */
class PlanJsonSchemaTest {

    private static Schema schema() throws Exception {
        JsonNode schema =
                Json.mapper().readTree(Files.readString(UpstreamData.repoRoot().resolve("docs/plan.schema.json")));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema);
    }

    private static List<String> errors(Schema schema, JsonNode doc) {
        List<String> out = new ArrayList<>();
        schema.validate(doc).forEach(e -> out.add(e.toString()));
        return out;
    }

    @Test
    void theDefaultPlanValidatesAndCarriesWhatTheTextShows() throws Exception {
        CliRun r = CliRun.of("plan", "-o", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());

        assertThat(errors(schema(), json)).isEmpty();
        // the table's row of cert-manager: "0  cert-manager  cert-manager,kube-system  52  no dependencies"
        JsonNode certManager = json.get("components").get(0);
        assertThat(certManager.get("name").asText()).isEqualTo("cert-manager");
        assertThat(certManager.get("wave").asInt()).isZero();
        assertThat(certManager.get("objects").asInt()).isEqualTo(52);
        assertThat(certManager.get("namespaces"))
                .extracting(JsonNode::asText)
                .containsExactly("cert-manager", "kube-system");
        assertThat(certManager.get("firstReason").asText()).isEqualTo("no dependencies");
        String table = CliRun.of("plan", "-q").out();
        for (JsonNode c : json.get("components")) {
            assertThat(table)
                    .containsPattern("(?m)^" + c.get("wave").asInt() + " +"
                            + c.get("name").asText() + " +\\S+ +"
                            + c.get("objects").asInt() + " +"
                            + Pattern.quote(c.get("firstReason").asText()) + "$");
        }
        JsonNode kserve = null;
        for (JsonNode d : json.get("dependencies")) {
            if (d.get("component").asText().equals("kserve")
                    && d.get("dependsOn").asText().equals("knative-serving")) kserve = d;
        }
        assertThat(kserve).isNotNull();
        assertThat(kserve.get("kinds")).extracting(JsonNode::asText).contains("declared");
        assertThat(kserve.at("/reasons/0/text").asText())
                .isEqualTo("KServe's default Serverless deployment mode needs Knative Serving running");
        assertThat(json.get("internal")).isNotEmpty();
        assertThat(json.get("objects").asInt()).isEqualTo(675);
    }

    @Test
    void aPlanWithFindingsAndItsYamlValidateToo(@TempDir Path dir) throws Exception {
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
                    - name: kserve
                      wave: 6
                """);
        Schema schema = schema();

        JsonNode json = Json.mapper()
                .readTree(CliRun.of("plan", "-f", spec.toString(), "-o", "json").out());
        assertThat(json.get("findings")).isNotEmpty();
        assertThat(errors(schema, json)).isEmpty();
        JsonNode yaml = new YAMLMapper()
                .readTree(CliRun.of("plan", "-f", spec.toString(), "-o", "yaml").out());
        assertThat(errors(schema, Json.mapper().readTree(Json.pretty(yaml)))).isEmpty();

        // the check can fail: a document missing what the text shows is refused
        ((ObjectNode) json.get("components").get(0)).remove("objects");
        assertThat(errors(schema, json)).isNotEmpty();
    }
}
