package dev.kfboot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a tree wrote or a controller left half-done reads as absent, never as an exception. */
class FieldsTest {

    private final Map<String, Object> pod = Map.of(
            "metadata", Map.of("name", "p", "labels", new LinkedHashMap<>(Map.of("app", "x"))),
            "spec",
                    Map.of(
                            "replicas",
                            "3",
                            "hostNetwork",
                            true,
                            "containers",
                            Arrays.asList(Map.of("name", "c"), "junk", null),
                            "args",
                            Arrays.asList("a", null, 2)));

    @Test
    void nestedFieldsAndTheirTypes() {
        assertThat(Fields.string(pod, "metadata", "name")).isEqualTo("p");
        assertThat(Fields.number(pod, -1, "spec", "replicas")).isEqualTo(3);
        assertThat(Fields.bool(pod, "spec", "hostNetwork")).isTrue();
        assertThat(Fields.maps(pod, "spec", "containers")).containsExactly(Map.of("name", "c"));
        assertThat(Fields.strings(pod, "spec", "args")).containsExactly("a", "2");
        assertThat(Fields.stringMap(pod, "metadata", "labels")).containsExactly(Map.entry("app", "x"));
    }

    @Test
    void missingOrMistypedFieldsReadAsAbsent() {
        assertThat(Fields.string(pod, "spec", "containers"))
                .as("a list is no string")
                .isNull();
        assertThat(Fields.string(pod, "metadata", "name", "deeper")).isNull();
        assertThat(Fields.number(pod, 7, "metadata", "name")).isEqualTo(7);
        assertThat(Fields.map(pod, "spec", "replicas")).isEmpty();
        assertThat(Fields.list(null, "x")).isEmpty();
        assertThat(Fields.stringOr(pod, "none", "status", "phase")).isEqualTo("none");
        assertThat(Fields.has(pod, "status")).isFalse();
        assertThat(Fields.strings(List.of(), "x")).isEmpty();
    }
}
