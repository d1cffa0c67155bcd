package dev.kfboot.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The event-built maps equal what snakeyaml's loader builds, and what the fast path cannot do falls back. */
class RenderedYamlTest {

    private static List<Object> loader(String text) {
        List<Object> out = new ArrayList<>();
        new Load(LoadSettings.builder().setSchema(new CoreSchema()).build())
                .loadAllFromString(text)
                .forEach(out::add);
        out.removeIf(Objects::isNull);
        return out;
    }

    @Test
    void scalarsResolveLikeTheLoader() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                  labels: {a: "1", b: '2'}
                data:
                  int: 42
                  big: 123456789012345678901234567890
                  hex: 0x1F
                  float: 1.5
                  inf: .inf
                  bool: true
                  yes: yes
                  null1: null
                  null2: ~
                  empty:
                  quoted: "true"
                  block: |
                    line one
                    line two
                  folded: >-
                    folded
                    text
                  list: [1, two, {three: 3}]
                  nested:
                    - name: c
                      ports: [{containerPort: 80}]
                ---
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                """;

        List<Map<String, Object>> docs = RenderedYaml.parse(yaml);

        assertThat(docs).hasSize(2);
        assertThat(new ArrayList<Object>(docs)).isEqualTo(loader(yaml));
        assertThat(docs.get(0).get("data"))
                .asString()
                .contains("int=42")
                .contains("yes=yes")
                .contains("quoted=true");
        assertThat(((Map<?, ?>) docs.get(0).get("data")).get("int")).isInstanceOf(Integer.class);
        assertThat(((Map<?, ?>) docs.get(0).get("data")).get("quoted")).isEqualTo("true");
    }

    @Test
    void aliasesTagsAndComplexKeysGoThroughTheLoaderAndItsLimits() {
        String yaml = """
                a: &x v
                b: *x
                c: !!str 12
                """;

        assertThat(new ArrayList<Object>(RenderedYaml.parse(yaml))).isEqualTo(loader(yaml));
        // aliases to collections are refused, as the loader with kustomize-output limits always did
        assertThatThrownBy(() -> RenderedYaml.parse("a: &x {k: v}\nb: *x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aliases");
        assertThatThrownBy(() -> RenderedYaml.parse("? [complex]\n: key\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Non scalar key");
    }

    @Test
    void invalidYamlAndNonMappingsAreIllegalArguments() {
        assertThatThrownBy(() -> RenderedYaml.parse("a: [\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderedYaml.parse("- a\n- b\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mapping");
    }

    /** kustomize-style output of {@code n} ConfigMaps, each with a block scalar that holds an indented marker. */
    private static String stream(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append("---\n");
            sb.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-")
                    .append(i)
                    .append("\ndata:\n  n: ")
                    .append(i)
                    .append("\n  text: |\n    first\n    ---\n    ")
                    .append("x".repeat(200))
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void aLargeStreamIsCutAtDocumentMarkersAndParsesToTheSameDocuments() {
        String yaml = stream(4000);

        List<String> parts = RenderedYaml.parts(yaml, 2);

        assertThat(parts).hasSize(4);
        assertThat(String.join("", parts)).isEqualTo(yaml);
        assertThat(parts.subList(1, 4)).allSatisfy(p -> assertThat(p).startsWith("---\napiVersion: v1\n"));
        List<Map<String, Object>> docs = RenderedYaml.parse(yaml);
        assertThat(docs).hasSize(4000);
        assertThat(new ArrayList<Object>(docs)).isEqualTo(loader(yaml));
        assertThat(docs.get(3999).get("data")).asString().contains("n=3999").contains("first\n---\n");
    }

    @Test
    void smallStreamsAndStreamsWithDirectivesAreNotCut() {
        assertThat(RenderedYaml.parts(stream(10), 2)).hasSize(1);
        String directive = "%YAML 1.2\n---\n" + stream(4000);
        assertThat(RenderedYaml.parts(directive, 2)).containsExactly(directive);
        assertThat(RenderedYaml.parse(directive)).hasSize(4000);
    }

    @Test
    void aFaultInALaterPartFailsTheWholeParseAsOnePieceWould() {
        String yaml = stream(4000);
        assertThatThrownBy(() -> RenderedYaml.parse(yaml + "---\n- a list\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mapping");
        assertThatThrownBy(() -> RenderedYaml.parse(yaml + "---\nkey: [unclosed\n"))
                .isInstanceOf(IllegalArgumentException.class);
        // an alias in a later part sends the whole stream through the loader
        assertThat(RenderedYaml.parse(yaml + "---\na: &x v\nb: *x\n"))
                .hasSize(4001)
                .last()
                .isEqualTo(Map.of("a", "v", "b", "v"));
    }
}
