package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside a unit's root is read: the render workspace copies no link out of the repository (kustomize's
 * load restrictor would no longer see it in the copy), and kustomizations that name absolute paths, climb out or
 * go through a symbolic link that leaves the root are refused with the link named.
 */
class ReadBoundaryTest {

    static final String SENTINEL = "SENTINEL-outside-7a1f";
    static final String REMOTE = "https://github.com/example/remote//base?ref=v1";

    @TempDir
    Path tmp;

    private Path repo;
    private Path outside;

    @BeforeEach
    void places() {
        repo = tmp.resolve("repo");
        outside = tmp.resolve("outside");
    }

    private void tree(String kustomization) throws IOException {
        Files.createDirectories(repo.resolve("app"));
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), SENTINEL + "\n");
        Files.writeString(outside.resolve("kustomization.yaml"), "resources: [cm.yaml]\n");
        Files.writeString(
                outside.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + SENTINEL + "}\n");
        Files.writeString(repo.resolve("app/kustomization.yaml"), kustomization);
    }

    private RemoteCache remoteCache() throws IOException {
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache.resolve("remote/base"));
        Files.writeString(cache.resolve("remote/base/kustomization.yaml"), "resources: []\n");
        Files.writeString(cache.resolve("INDEX.tsv"), "https://github.com/example/remote\tv1\tremote\n");
        return RemoteCache.load(cache);
    }

    private static String everything(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList())
                sb.append(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        return sb.toString();
    }

    @Test
    void workspaceCopyOfARemoteBaseKustomizationDoesNotFollowALinkOut() throws IOException {
        tree("""
                resources:
                - %s
                configMapGenerator:
                - name: leak
                  files: [secret.txt]
                """.formatted(REMOTE));
        Files.createSymbolicLink(repo.resolve("app/secret.txt"), outside.resolve("secret.txt"));

        try (RenderWorkspace ws = RenderWorkspace.create(remoteCache())) {
            RenderWorkspace.Prepared p = ws.prepare(RenderUnit.of("leaky", repo, "app"));

            assertThat(p.refused())
                    .contains("app/secret.txt: a symbolic link that leaves the repository"
                            + " (refused, as Argo CD's repo server refuses it)");
            assertThat(everything(ws.dir())).doesNotContain(SENTINEL);
        }
    }

    @Test
    void aKustomizationNamingAnAbsolutePathIsRefused() throws IOException {
        tree("resources:\n- " + outside.toAbsolutePath() + "\n");

        KustomizationClosure c = KustomizationClosure.walk(List.of(repo.resolve("app")), repo);

        assertThat(c.outside())
                .singleElement()
                .asString()
                .isEqualTo("app/kustomization.yaml names the absolute path " + outside.toAbsolutePath()
                        + "; paths in a kustomization are relative to its directory");
        assertThat(c.files()).noneMatch(f -> f.startsWith(outside));
    }

    @Test
    void aKustomizationClimbingOutOfTheRootIsRefused() throws IOException {
        tree("resources:\n- ../../outside\n");

        KustomizationClosure c = KustomizationClosure.walk(List.of(repo.resolve("app")), repo);

        assertThat(c.outside())
                .singleElement()
                .asString()
                .startsWith("app/kustomization.yaml names ../../outside: the path leaves the repository");
        assertThat(c.dirs()).noneMatch(d -> d.startsWith(outside));
    }

    @Test
    void aSymlinkedBaseDirectoryLeavingTheRootIsRefused() throws IOException {
        tree("resources:\n- base\n");
        Files.createSymbolicLink(repo.resolve("app/base"), outside);

        KustomizationClosure c = KustomizationClosure.walk(List.of(repo.resolve("app")), repo);

        assertThat(c.outside())
                .contains("app/kustomization.yaml names base: a symbolic link that leaves the repository"
                        + " (refused, as Argo CD's repo server refuses it)");
        assertThat(c.filesToCopy()).noneMatch(f -> f.toString().contains("cm.yaml"));
    }

    @Test
    void aRenderOfARefusedUnitIsAFindingNamingTheLinkAndKustomizeNeverRuns() throws IOException {
        tree("resources:\n- base\n");
        Files.createSymbolicLink(repo.resolve("app/base"), outside);
        // a kustomize that would fail the test if it ran
        KustomizeTool never = new KustomizeTool(List.of("/bin/false"), "v5.5.0");

        try (RenderWorkspace ws = RenderWorkspace.create(null)) {
            Rendered r = new KustomizeRenderer(never, ws, Duration.ofSeconds(10))
                    .render(RenderUnit.of("leaky", repo, "app"));

            assertThat(r.ok()).isFalse();
            assertThat(r.failure().message())
                    .startsWith("refused to read outside the repository: app/base: a symbolic link");
            assertThat(r.failure().message()).doesNotContain(SENTINEL).doesNotContain(outside.toString());
        }
    }

    @Test
    void linksInsideTheRootStillRender() throws IOException {
        tree("resources:\n- base\n");
        Files.createDirectories(repo.resolve("shared"));
        Files.writeString(repo.resolve("shared/kustomization.yaml"), "resources: []\n");
        Files.createSymbolicLink(repo.resolve("app/base"), repo.resolve("shared"));

        KustomizationClosure c = KustomizationClosure.walk(List.of(repo.resolve("app")), repo);

        assertThat(c.outside()).isEmpty();
        assertThat(c.files()).contains(repo.toAbsolutePath().normalize().resolve("app/base/kustomization.yaml"));
    }
}
