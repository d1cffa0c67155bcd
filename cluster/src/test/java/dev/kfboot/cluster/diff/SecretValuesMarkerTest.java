package dev.kfboot.cluster.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.render.SecretRedaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A desired Secret served by the render cache holds markers, not values: still compared by the bytes. */
class SecretValuesMarkerTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void markersCompareEqualToTheSameLiveBytesAndDifferentToOthers() {
        Map<String, Object> secret = Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Secret",
                "stringData",
                Map.of("same", "one", "changed", "two"),
                "data",
                Map.of("token", b64("three")));
        Map<String, Object> desired =
                new LinkedHashMap<>(SecretRedaction.redact(List.of(secret)).get(0));
        Map<String, Object> live = new LinkedHashMap<>(Map.of(
                "data",
                new LinkedHashMap<>(Map.of("same", b64("one"), "changed", b64("other"), "token", b64("three")))));

        SecretValues.hide(desired, live);

        Map<String, Object> want = (Map<String, Object>) desired.get("data");
        assertThat(want)
                .containsEntry("same", SecretValues.SAME)
                .containsEntry("token", SecretValues.SAME)
                .containsEntry("changed", SecretValues.SOURCE);
    }
}
