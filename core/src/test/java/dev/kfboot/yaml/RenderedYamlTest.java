package dev.kfboot.yaml;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event-built maps equal what snakeyaml's loader builds, and what the fast path cannot do falls back. */
class RenderedYamlTest {

    private static List<Object> loader(String text) {
        List<Object> out = new ArrayList<>();
        new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadAllFromString(text).forEach(out::add);
        out.removeIf(java.util.Objects::isNull);
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
        assertThat(docs.get(0).get("data")).asString().contains("int=42").contains("yes=yes").contains("quoted=true");
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
        assertThatThrownBy(() -> RenderedYaml.parse("a: &x {k: v}\nb: *x\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aliases");
        assertThatThrownBy(() -> RenderedYaml.parse("? [complex]\n: key\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Non scalar key");
    }

    @Test
    void invalidYamlAndNonMappingsAreIllegalArguments() {
        assertThatThrownBy(() -> RenderedYaml.parse("a: [\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderedYaml.parse("- a\n- b\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a mapping");
    }
}
