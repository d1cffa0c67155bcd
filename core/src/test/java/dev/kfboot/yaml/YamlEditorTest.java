package dev.kfboot.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.model.InputException;
import org.junit.jupiter.api.Test;

class YamlEditorTest {

    static final String MANIFESTS = """
            # header comment stays
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: server  # trailing comment stays
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: sidecar
                      image: 'busybox:1.36'
                    - name: server
                      image: "ghcr.io/acme/server:1.4.1"   # pinned
                      args: [--port, "8080"]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              mode: fast
            """;

    @Test
    void replacesOnlyTheAddressedScalarAndKeepsItsQuotes() {
        YamlEditor e = YamlEditor.of(MANIFESTS, "m.yaml");
        YamlEditor.Doc deploy = e.select("Deployment", "server").get(0);
        var change = e.set(
                deploy,
                FieldPath.parse("spec.template.spec.containers[name=server].image"),
                "ghcr.io/acme/server:1.4.2",
                false);

        assertThat(change.before()).isEqualTo("ghcr.io/acme/server:1.4.1");
        assertThat(change.line()).isEqualTo(14);
        assertThat(e.result())
                .isEqualTo(MANIFESTS.replace("\"ghcr.io/acme/server:1.4.1\"", "\"ghcr.io/acme/server:1.4.2\""));
    }

    @Test
    void keepsNumbersPlainAndQuotesStringsThatWouldBeMisread() {
        YamlEditor e = YamlEditor.of(MANIFESTS, "m.yaml");
        e.set(e.select("Deployment", "server").get(0), FieldPath.parse("spec.replicas"), "5", false);
        e.set(e.select("ConfigMap", "settings").get(0), FieldPath.parse("data.mode"), "yes", false);
        e.set(
                e.select("Deployment", "server").get(0),
                FieldPath.parse("spec.template.spec.containers[0].image"),
                "it's",
                false);

        assertThat(e.result())
                .contains("  replicas: 5\n")
                .contains("  mode: 'yes'\n")
                .contains("image: 'it''s'\n");
    }

    @Test
    void createsMissingKeysInTheMappingsIndentation() {
        YamlEditor e = YamlEditor.of(MANIFESTS, "m.yaml");
        YamlEditor.Doc cm = e.select("ConfigMap", "settings").get(0);
        var change = e.set(cm, FieldPath.parse("data.level"), "3", true);
        e.set(e.select("Deployment", "server").get(0), FieldPath.parse("spec.strategy.type"), "Recreate", true);

        assertThat(change.before()).isNull();
        assertThat(e.result()).endsWith("data:\n  mode: fast\n  level: '3'\n");
        assertThat(e.result()).contains("          args: [--port, \"8080\"]\n  strategy:\n    type: Recreate\n---\n");
    }

    @Test
    void missingFieldWithoutCreateNamesTheDocumentAndLine() {
        YamlEditor e = YamlEditor.of(MANIFESTS, "m.yaml");
        assertThatThrownBy(() ->
                        e.set(e.select("ConfigMap", "settings").get(0), FieldPath.parse("data.level"), "3", false))
                .isInstanceOf(InputException.class)
                .hasMessage("field data.level does not exist in ConfigMap/settings")
                .satisfies(
                        x -> assertThat(((InputException) x).location().line()).isEqualTo(22)) // the data mapping
                .satisfies(x -> assertThat(((InputException) x).hint()).contains("--create"));
    }

    @Test
    void refusesToSetAMappingOrToGrowAFlowMapping() {
        YamlEditor e = YamlEditor.of(MANIFESTS, "m.yaml");
        YamlEditor.Doc deploy = e.select("Deployment", "server").get(0);
        assertThatThrownBy(() -> e.set(deploy, FieldPath.parse("spec.template"), "x", false))
                .hasMessageContaining("is a mapping, not a single value");
        YamlEditor flow = YamlEditor.of("kind: A\nmetadata: {name: a}\n", "f.yaml");
        assertThatThrownBy(() -> flow.set(flow.only().orElseThrow(), FieldPath.parse("metadata.labels"), "x", true))
                .hasMessageContaining("flow mapping");
    }

    @Test
    void groupQualifiedKindsSelectByApiVersion() {
        String text = "apiVersion: mlops.seldon.io/v1alpha1\nkind: Model\nmetadata:\n  name: iris\n---\n"
                + "apiVersion: other.io/v1\nkind: Model\nmetadata:\n  name: iris\n";
        YamlEditor e = YamlEditor.of(text, "x.yaml");
        assertThat(e.select("Model", "iris")).hasSize(2);
        assertThat(e.select("model.mlops.seldon.io", "iris"))
                .singleElement()
                .satisfies(d -> assertThat(d.apiVersion()).isEqualTo("mlops.seldon.io/v1alpha1"));
    }

    @Test
    void nonAsciiTextBeforeTheFieldDoesNotShiftTheSplice() {
        String text = "kind: ConfigMap\nmetadata:\n  name: grüße  # 👋 émoji\ndata:\n  k: v\n";
        YamlEditor e = YamlEditor.of(text, "u.yaml");
        e.set(e.only().orElseThrow(), FieldPath.parse("data.k"), "w", false);
        assertThat(e.result()).isEqualTo(text.replace("k: v", "k: w"));
    }

    @Test
    void fieldPathsParseSelectors() {
        assertThat(FieldPath.parse("spec.containers[name=a.b].image").steps()).hasSize(4);
        assertThat(FieldPath.parse("a[0][1].b").toString()).isEqualTo("a[0][1].b");
        assertThatThrownBy(() -> FieldPath.parse("a[x")).isInstanceOf(IllegalArgumentException.class);
    }
}
