package dev.kfboot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree kfboot has no catalog for: its release detected or labelled honestly, its components derived from its example.
 */
class TreeCatalogTest {

    @TempDir
    Path tree;

    private void write(String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void dirs(String... rels) throws IOException {
        for (String r : rels) write(r + "/kustomization.yaml", "resources: []\n");
    }

    private void example() throws IOException {
        dirs(
                "common/cert-manager/base",
                "common/cert-manager/overlays/kubeflow",
                "applications/pipeline/upstream/env/new",
                "applications/dashboard/overlays/istio",
                "applications/hub/overlays/model-registry",
                "applications/hub/overlays/model-catalog",
                "common/istio/istio-install/overlays/oauth2-proxy",
                "common/istio/istio-install/overlays/gke");
        write("applications/hub/overlays/model-catalog/kustomization.yaml", "namespace: kubeflow\nresources: []\n");
        write("example/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                # Cert-Manager
                - ../common/cert-manager/base
                - ../common/cert-manager/overlays/kubeflow
                - ../common/istio/istio-install/overlays/oauth2-proxy
                # Pipelines, moved
                - ../applications/pipeline/upstream/env/new
                # Central Dashboard
                - ../applications/dashboard/overlays/istio
                - ../applications/hub/overlays/model-registry
                - ../applications/hub/overlays/model-catalog  # Hub catalog
                - https://github.com/acme/x/base?ref=v1
                - ../../outside
                """);
    }

    @Test
    void unknownTreeIsDerivedFromItsExampleAndNamedHonestly() throws IOException {
        example();
        write("README.md", """
                ## Kubeflow Components Versions
                ### Kubeflow Version: Master
                | Component | Local Manifests Path | Upstream Revision | CPU (millicores) | Memory (Mi) |  PVC Storage \
                (GB) |
                | - | - | - | - | - | - |
                | Istio | common/istio | [9.9.9](https://example.invalid) | 750m | 2364Mi | 0GB |
                """);

        // 26.03.1 would recognise dashboard and the hub overlays: this tree is treated as newer than every catalog
        TreeCatalog tc = Catalogs.builtin().without("26.03.1").forTree(tree);

        assertThat(tc.derived()).isTrue();
        assertThat(tc.release())
                .isEqualTo("unknown (derived from " + tree.resolve("example") + ")")
                .doesNotContain("26.03");
        ReleaseCatalog c = tc.catalog();
        assertThat(c.componentIds())
                .containsExactly(
                        "cert-manager", "istio-install", "pipelines", "dashboard", "model-registry", "model-catalog");
        // a base listed beside its own overlay is one component; the known one keeps its id and namespace
        assertThat(c.component("cert-manager").orElseThrow().defaultVariant().paths())
                .containsExactly("common/cert-manager/base", "common/cert-manager/overlays/kubeflow");
        assertThat(c.component("cert-manager").orElseThrow().namespace()).isEqualTo("cert-manager");
        // recognised by its component directory although its overlay moved
        assertThat(tc.recognised()).containsKeys("cert-manager", "istio-install", "pipelines");
        assertThat(tc.recognised().get("pipelines")).contains("component directory applications/pipeline");
        // a known component keeps the variants the tree has
        assertThat(c.component("istio-install").orElseThrow().variantNames()).containsExactly("oauth2-proxy", "gke");
        assertThat(tc.newComponents()).containsExactly("dashboard", "model-registry", "model-catalog");
        Component dashboard = c.component("dashboard").orElseThrow();
        assertThat(dashboard.defaultVariant().name()).isEqualTo("istio");
        assertThat(dashboard.description()).startsWith("Central Dashboard");
        assertThat(c.component("model-catalog").orElseThrow().namespace()).isEqualTo("kubeflow");
        assertThat(c.component("model-catalog").orElseThrow().description()).startsWith("Hub catalog");
        assertThat(c.exampleComponents()).hasSize(6);
        assertThat(c.repo()).isEqualTo(DerivedCatalog.UPSTREAM_REPO);
        assertThat(tc.notes())
                .anySatisfy(
                        f -> assertThat(f.message()).contains("https://github.com/acme/x/base?ref=v1 (a remote URL)"));
        assertThat(tc.notes()).anySatisfy(f -> assertThat(f.message()).contains("../../outside (outside the tree)"));
        assertThat(tc.summary()).contains("3 recognised, 3 new (dashboard, model-registry, model-catalog)");
    }

    @Test
    void readmeTableOfAKnownReleaseMakesTheTreeThatRelease() throws IOException {
        example();
        StringBuilder readme =
                new StringBuilder("## Kubeflow Components Versions\n\n| Component | Path | Rev | CPU | Mem | PVC "
                        + "|\n| - | - | - | - | - | - |\n");
        Catalogs.builtin()
                .release("26.03")
                .readmeVersions()
                .forEach((path, rev) -> readme.append("| X | ")
                        .append(path)
                        .append(" | [")
                        .append(rev)
                        .append("](https://x) | 1m | 1Mi | 0GB |\n"));
        write("README.md", readme.toString());

        TreeCatalog tc = Catalogs.builtin().forTree(tree);

        assertThat(tc.derived()).isFalse();
        assertThat(tc.release()).isEqualTo("26.03");
        assertThat(tc.detection().evidence()).isEqualTo("README version table matches 26.03's");
    }

    @Test
    void gitTagOfAnUnknownReleaseNamesIt() throws Exception {
        example();
        try (Git git = Git.init()
                .setDirectory(tree.toFile())
                .setInitialBranch("master")
                .call()) {
            git.add().addFilepattern(".").call();
            String commit = git.commit()
                    .setMessage("m")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .setSign(false)
                    .call()
                    .getName();
            git.tag().setName("26.10").setAnnotated(false).call();

            TreeCatalog tc = Catalogs.builtin().forTree(tree);

            assertThat(tc.release()).startsWith("26.10 (derived from ");
            assertThat(tc.catalog().revision()).isEqualTo("26.10");
            assertThat(tc.catalog().commit()).isEqualTo(commit);
            assertThat(tc.detection().evidence()).isEqualTo("git tag 26.10, a release kfboot has no catalog for");
        }
    }

    @Test
    void hiddenReleaseIsNotKnownAnyMore() throws IOException {
        Catalogs hidden = Catalogs.builtin().without("v1.11.0");
        assertThat(hidden.releases()).doesNotContain("v1.11.0");
        assertThat(hidden.knows("v1.11.0")).isFalse();
        assertThat(Catalogs.builtin().knows("v1.11.0")).isTrue();
    }

    @Test
    void treeWithoutExampleSaysWhatIsMissing() {
        InputException e = catchThrowableOfType(
                InputException.class, () -> Catalogs.builtin().forTree(tree));
        assertThat(e.location().file()).endsWith("example/kustomization.yaml");
        assertThat(e.getMessage()).contains("not found");
    }
}
