package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render cache is its owner's alone (0700 directories, 0600 files) and holds no Secret value. */
class RenderCachePrivacyTest {

    static final String PLAIN = "SENTINEL-cache-plain-4e11";
    static final String ENCODED_VALUE = "SENTINEL-cache-b64-90aa";

    @TempDir
    Path tree;

    @TempDir
    Path tmp;

    @Test
    void entriesAreOwnerOnlyAndSecretValuesAreStoredAsMarkers() throws IOException {
        Files.writeString(tree.resolve("kustomization.yaml"), "resources: []\n");
        String encoded = Base64.getEncoder().encodeToString(ENCODED_VALUE.getBytes(StandardCharsets.UTF_8));
        String yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: " + PLAIN
                + "\n  empty: \"\"\ndata:\n  token: " + encoded + "\n";
        RenderRunner secretRenderer = (units, options, progress) -> new Rendering.Result(
                units.stream()
                        .map(u -> new Rendered(u, RenderedYaml.parse(yaml), null, List.of(), 0))
                        .toList(),
                "v5.5.0");
        Path cacheDir = tmp.resolve("cache");
        RenderOptions options =
                new RenderOptions(null, 1, Duration.ofSeconds(5), new KustomizeTool(List.of("kustomize"), "v5.5.0"));

        RenderCache first = new RenderCache(secretRenderer, cacheDir);
        List<Rendered> fresh = first.run(List.of(RenderUnit.of("app", tree, ".")), options, r -> {})
                .rendered();
        first.stats();
        RenderCache second = new RenderCache(
                (u, o, p) -> {
                    throw new AssertionError("must be served from the cache");
                },
                cacheDir);
        Rendered cached = second.run(List.of(RenderUnit.of("app", tree, ".")), options, r -> {})
                .rendered()
                .get(0);

        assertThat(fresh.get(0).documents().get(0).toString())
                .contains(PLAIN); // this run's own analysis sees the render
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(cacheDir)) {
            for (Path p : s.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
                if (Files.isRegularFile(p)) all.append(Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all.toString()).doesNotContain(PLAIN).doesNotContain(encoded).doesNotContain(ENCODED_VALUE);
        @SuppressWarnings("unchecked")
        Map<String, Object> string =
                (Map<String, Object>) cached.documents().get(0).get("stringData");
        @SuppressWarnings("unchecked")
        Map<String, Object> data =
                (Map<String, Object>) cached.documents().get(0).get("data");
        assertThat(string).containsOnlyKeys("password", "empty").containsEntry("empty", "");
        assertThat(SecretRedaction.sameBytes((String) string.get("password"), PLAIN.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(SecretRedaction.sameBytes(
                        (String) data.get("token"), ENCODED_VALUE.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }
}
