package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argo CD's image syntax, the wrapper's fields, and the render cache's key over the options. */
class KustomizeOptionsTest {

    @TempDir
    Path repo;

    @Test
    void imagesParseLikeKustomizeEditSetImage() {
        assertThat(KustomizeOptions.image("nginx=registry.acme.io/nginx:1.27"))
                .isEqualTo(Map.of("name", "nginx", "newName", "registry.acme.io/nginx", "newTag", "1.27"));
        assertThat(KustomizeOptions.image("ghcr.io/kubeflow/katib:v0.18"))
                .isEqualTo(Map.of("name", "ghcr.io/kubeflow/katib", "newTag", "v0.18"));
        assertThat(KustomizeOptions.image("host:5000/a/b@sha256:abc"))
                .isEqualTo(Map.of("name", "host:5000/a/b", "digest", "sha256:abc"));
        assertThat(KustomizeOptions.image("host:5000/a/b")).isEqualTo(Map.of("name", "host:5000/a/b"));
    }

    @Test
    void theEditReplacesWhatKustomizeEditSetReplacesAndAddsTheRest() {
        KustomizeOptions o = new KustomizeOptions(
                "team-",
                null,
                "team",
                List.of(KustomizeOptions.image("nginx=acme/nginx:2")),
                Map.of("env", "prod"),
                false,
                Map.of("owner", "ml"),
                List.of(Map.of("patch", "p")),
                List.of());
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("resources", List.of("deploy.yaml"));
        own.put("namePrefix", "own-");
        own.put("images", List.of(Map.of("name", "nginx", "newTag", "1"), Map.of("name", "redis", "newTag", "7")));
        own.put("commonAnnotations", Map.of("team", "a"));
        own.put("patches", List.of(Map.of("path", "mine.yaml")));

        Map<String, Object> k = o.editedKustomization(own, List.of("../extra"));

        assertThat(k)
                .containsEntry("namePrefix", "team-")
                .containsEntry("namespace", "team")
                .containsEntry("resources", List.of("deploy.yaml"))
                .containsEntry("components", List.of("../extra"));
        assertThat(k.get("images"))
                .isEqualTo(List.of(
                        Map.of("name", "nginx", "newName", "acme/nginx", "newTag", "2"),
                        Map.of("name", "redis", "newTag", "7")));
        assertThat(k.get("commonAnnotations")).isEqualTo(Map.of("team", "a", "owner", "ml"));
        assertThat(k.get("patches")).isEqualTo(List.of(Map.of("path", "mine.yaml"), Map.of("patch", "p")));
        assertThat(k.get("labels"))
                .isEqualTo(List.of(Map.of("pairs", Map.of("env", "prod"), "includeSelectors", false)));
        assertThat(own).containsEntry("namePrefix", "own-"); // the input is not changed
    }

    @Test
    void theRenderCacheKeyChangesWithTheOptions() throws Exception {
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve("app/kustomization.yaml"), "resources: []\n");
        KustomizeTool tool = new KustomizeTool(List.of("kustomize"), "v5.5.0");
        FileHashes hashes = FileHashes.load(repo.resolve("files.idx"));
        KustomizeOptions prefix =
                new KustomizeOptions("team-", null, null, List.of(), Map.of(), true, Map.of(), List.of(), List.of());
        KustomizeOptions other =
                new KustomizeOptions("other-", null, null, List.of(), Map.of(), true, Map.of(), List.of(), List.of());

        String plain = RenderCache.key(RenderUnit.of("a", repo, "app"), tool, null, hashes, new ConcurrentHashMap<>());
        String withPrefix = RenderCache.key(
                new RenderUnit("a", repo, List.of("app"), List.of(), prefix),
                tool,
                null,
                hashes,
                new ConcurrentHashMap<>());
        String withOther = RenderCache.key(
                new RenderUnit("a", repo, List.of("app"), List.of(), other),
                tool,
                null,
                hashes,
                new ConcurrentHashMap<>());

        assertThat(plain).isNotEqualTo(withPrefix);
        assertThat(withPrefix).isNotEqualTo(withOther);
        assertThat(new RenderUnit("a", repo, List.of("app"), List.of(), prefix).needsWrapper())
                .isTrue();
        assertThat(RenderUnit.of("a", repo, "app").needsWrapper()).isFalse();
    }
}
