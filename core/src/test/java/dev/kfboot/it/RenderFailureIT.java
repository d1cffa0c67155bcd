package dev.kfboot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.testing.Kustomize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders that fail become findings that carry kustomize's message or name the missing URL. */
class RenderFailureIT {

    @TempDir
    Path tree;

    @Test
    void remoteBaseThatCannotBeFetchedNamesTheUrl() throws IOException {
        Kustomize.required();
        write("app/kustomization.yaml", """
                resources:
                - https://github.invalid/acme/manifests/base?ref=v1.0.0
                """);
        Rendered r = renderOne(RenderOptions.defaults(null), "app");
        assertThat(r.ok()).isFalse();
        Finding f = r.failure();
        assertThat(f.rule()).isEqualTo("remote-base");
        assertThat(f.message()).contains("https://github.invalid/acme/manifests/base?ref=v1.0.0");
        assertThat(f.hint()).contains("--remote-cache");
    }

    @Test
    void remoteBaseComesFromTheCacheAndTheTreeIsNotTouched() throws IOException {
        Kustomize.required();
        write("app/kustomization.yaml", """
                resources:
                - https://github.com/acme/manifests/base?ref=v1.0.0
                - cm.yaml
                """);
        write("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\n");
        Path cache = tree.resolve("cache");
        write("cache/INDEX.tsv", "https://github.com/acme/manifests\tv1.0.0\tacme/v1.0.0\n");
        write("cache/acme/v1.0.0/base/kustomization.yaml", "resources:\n- ns.yaml\n");
        write("cache/acme/v1.0.0/base/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-cache\n");
        String before = Files.readString(tree.resolve("app/kustomization.yaml"));

        Rendered r = renderOne(RenderOptions.defaults(cache), "app");

        assertThat(r.failure()).isNull();
        assertThat(r.documents())
                .extracting(d -> String.valueOf(((Map<?, ?>) d.get("metadata")).get("name")))
                .containsExactlyInAnyOrder("from-cache", "local");
        assertThat(Files.readString(tree.resolve("app/kustomization.yaml"))).isEqualTo(before);
        try (var files = Files.list(tree.resolve("app"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("kustomization.yaml", "cm.yaml");
        }
    }

    @Test
    void crashingKustomizeBecomesAFindingWithItsMessage() throws IOException {
        write("app/kustomization.yaml", "resources: []\n");
        Path fake = write("bin/kustomize", "#!/bin/sh\necho 'Error: boom: something broke' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        KustomizeTool tool = new KustomizeTool(List.of(fake.toString(), "build"), "fake");

        Rendered r = renderOne(new RenderOptions(null, 1, Duration.ofSeconds(30), tool), "app");

        assertThat(r.failure().rule()).isEqualTo("render-failed");
        assertThat(r.failure().message()).contains("boom: something broke");
    }

    @Test
    void missingPathIsAFindingNotARender() {
        Rendered r = renderOne(
                new RenderOptions(null, 1, Duration.ofSeconds(30), new KustomizeTool(List.of("/bin/false"), "none")),
                "does/not/exist");
        assertThat(r.failure().rule()).isEqualTo("path-not-found");
        assertThat(r.failure().message()).contains("does/not/exist");
    }

    private Rendered renderOne(RenderOptions options, String path) {
        return Rendering.run(List.of(RenderUnit.of("app", tree, path)), options, x -> {})
                .rendered()
                .get(0);
    }

    private Path write(String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
