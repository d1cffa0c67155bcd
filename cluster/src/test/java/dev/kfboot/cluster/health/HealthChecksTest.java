package dev.kfboot.cluster.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.GroupKind;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One health check per kind, judged on YAML fixtures: {@code health/<kind>/<expected status>[-<case>].yaml}, with an
 * optional first line {@code # message: ...} the verdict's message must contain. Every kind has healthy and
 * unhealthy fixtures.
 */
class HealthChecksTest {

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(HealthChecksTest.class.getResource("/health").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .map(p -> Arguments.of(root.relativize(p).toString(), p))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void judgesTheFixture(String name, Path file) throws IOException {
        String text = Files.readString(file);
        Map<String, Object> object = RenderedYaml.parse(text).get(0);
        String expected = file.getFileName().toString().replace(".yaml", "").split("-")[0];

        Health h = HealthChecks.standard().of(object).orElseThrow(() -> new AssertionError("no check for " + name));

        assertThat(h.status().name().toLowerCase(Locale.ROOT)).as(h.toString()).isEqualTo(expected);
        if (text.startsWith("# message: ")) {
            assertThat(h.message())
                    .contains(text.lines().findFirst().orElseThrow().substring("# message: ".length()));
        }
    }

    @Test
    void everyKindHasAHealthyAndAnUnhealthyFixture() throws Exception {
        Path root = Path.of(HealthChecksTest.class.getResource("/health").toURI());
        try (Stream<Path> kinds = Files.list(root)) {
            for (Path kind : kinds.toList()) {
                try (Stream<Path> f = Files.list(kind)) {
                    var names = f.map(p -> p.getFileName().toString()).toList();
                    assertThat(names)
                            .as(kind.toString())
                            .anyMatch(n -> n.startsWith("healthy"))
                            .anyMatch(n -> !n.startsWith("healthy"));
                }
            }
        }
        assertThat(root.toFile().list()).hasSize(10);
    }

    @Test
    void kindsWithoutACheckHaveNoHealthButMissingObjectsAreMissing() {
        Map<String, Object> cm = Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "x"));
        assertThat(HealthChecks.standard().of(cm)).isEmpty();
        assertThat(HealthChecks.standard()
                        .ofLive(null, new GroupKind("", "ConfigMap"))
                        .orElseThrow()
                        .status())
                .isEqualTo(HealthStatus.MISSING);
    }
}
