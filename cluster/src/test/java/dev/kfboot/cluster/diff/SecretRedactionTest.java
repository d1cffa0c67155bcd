package dev.kfboot.cluster.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.ResourceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Secret that differs shows which keys differ, never the values on either side. */
class SecretRedactionTest {

    static Map<String, Object> secret(String password, String user) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("password", password);
        data.put("user", user);
        Map<String, Object> meta = new LinkedHashMap<>(Map.of("name", "db", "namespace", "kubeflow"));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "v1");
        o.put("kind", "Secret");
        o.put("metadata", meta);
        o.put("data", data);
        return o;
    }

    @Test
    void diffOfASecretNamesTheKeyButNotTheValues() {
        ResourceId id = ResourceId.of("", "Secret", "kubeflow", "db");
        LiveDiff.Result r = LiveDiff.compare(
                Map.of(id, secret("ZGVzaXJlZC1wdw==", "YWRtaW4=")),
                Map.of(id, secret("bGl2ZS1wdw==", "YWRtaW4=")),
                List.of(),
                List.of());

        assertThat(r.diffs()).singleElement().satisfies(d -> {
            assertThat(d.unified())
                    .doesNotContain("ZGVzaXJlZC1wdw==", "bGl2ZS1wdw==", "YWRtaW4=")
                    .contains("-  password: (secret value, as in the cluster)")
                    .contains("+  password: (secret value, as in the source)")
                    .contains("user: (secret value)");
        });
    }
}
