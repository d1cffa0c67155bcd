package dev.kfboot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.render.RemoteOrigins;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.validate.TreeFixture;
import dev.kfboot.validate.ValidateOptions;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validator;
import dev.kfboot.validate.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects that come from a remote base no tag or commit pins are traced to it, through kustomize's own origins. */
class UnpinnedRemoteBaseIT {

    private static final String UNPINNED = "https://github.com/acme/manifests/base?ref=main";
    private static final String PINNED = "https://github.com/acme/other/base?ref=v2.0.0";

    @TempDir
    Path repo;

    private Path cache() throws IOException {
        write("cache/INDEX.tsv", """
                https://github.com/acme/manifests\tmain\tacme/main
                https://github.com/acme/other\tv2.0.0\tother/v2.0.0
                """);
        write("cache/acme/main/base/kustomization.yaml", "resources:\n- secret.yaml\n");
        write("cache/acme/main/base/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db-password
                stringData:
                  password: hunter2
                """);
        write("cache/other/v2.0.0/base/kustomization.yaml", "resources:\n- cm.yaml\n");
        write("cache/other/v2.0.0/base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pinned\n");
        return repo.resolve("cache");
    }

    private void app(String extra) throws IOException {
        write("apps/db/kustomization.yaml", """
                namespace: db
                %sresources:
                - %s
                - %s
                - local.yaml
                """.formatted(extra, UNPINNED, PINNED));
        write("apps/db/local.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\n");
    }

    @Test
    void onlyObjectsOfTheUnpinnedBaseAreMarkedAndKustomizesOriginsAreTakenOff() throws IOException {
        Kustomize.required();
        app("");
        String before = Files.readString(repo.resolve("apps/db/kustomization.yaml"));

        Rendered r = Rendering.run(
                        List.of(RenderUnit.of("db", repo, "apps/db")), RenderOptions.defaults(cache()), x -> {})
                .rendered()
                .get(0);

        assertThat(r.failure()).isNull();
        assertThat(annotations(r, "db-password"))
                .containsEntry(RemoteOrigins.ANNOTATION, UNPINNED)
                .doesNotContainKey("config.kubernetes.io/origin");
        assertThat(annotations(r, "pinned")).isEmpty();
        assertThat(annotations(r, "local")).isEmpty();
        assertThat(Files.readString(repo.resolve("apps/db/kustomization.yaml"))).isEqualTo(before);
    }

    @Test
    void originsTheUserAskedForStay() throws IOException {
        Kustomize.required();
        app("buildMetadata: [originAnnotations]\n");

        Rendered r = Rendering.run(
                        List.of(RenderUnit.of("db", repo, "apps/db")), RenderOptions.defaults(cache()), x -> {})
                .rendered()
                .get(0);

        assertThat(annotations(r, "db-password")).containsKeys(RemoteOrigins.ANNOTATION, "config.kubernetes.io/origin");
        assertThat(annotations(r, "local")).containsOnlyKeys("config.kubernetes.io/origin");
    }

    @Test
    void aFindingAboutSuchAnObjectNamesTheBase() throws IOException {
        Kustomize.required();
        app("");
        new TreeFixture(repo).root().app("db", 1, "apps/db", "db");
        ValidateRequest request = new ValidateRequest(
                        repo.resolve("tree"), repo, Map.of(), RenderOptions.defaults(cache()), null, null)
                .withOptions(ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO));

        List<Finding> secrets = new Validator(
                        Catalogs.builtin(),
                        Rendering::run,
                        x -> {},
                        List.of(Rules.bySlug("plaintext-secret").orElseThrow()))
                .validate(request)
                .findings();

        assertThat(secrets).singleElement().satisfies(f -> {
            assertThat(f.resource()).contains("db-password");
            assertThat(f.message()).contains("comes from the remote base " + UNPINNED, "no tag or commit pins");
            assertThat(f.message()).doesNotContain("hunter2");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Rendered r, String name) {
        Map<String, Object> doc = r.documents().stream()
                .filter(d -> name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow();
        Object a = ((Map<String, Object>) doc.get("metadata")).get("annotations");
        return a == null ? Map.of() : (Map<String, Object>) a;
    }

    private void write(String rel, String text) throws IOException {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
