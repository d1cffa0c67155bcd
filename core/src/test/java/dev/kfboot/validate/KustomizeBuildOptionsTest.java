package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.Rendering;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.validate.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kustomize's helmCharts, rendered by the real kustomize (which refuses them without --enable-helm, as kfboot runs
 * it): unverified unless the tree's own argocd-cm leaves --enable-helm out, and a kustomization that fails for
 * another reason keeps its error.
 */
class KustomizeBuildOptionsTest {

    @TempDir
    Path repo;

    @TempDir
    Path cache;

    private static final String CHARTS = """
            helmCharts:
            - name: seldon-core-operator
              repo: https://storage.googleapis.com/seldon-charts
              version: 1.17.1
              releaseName: seldon
            """;

    private TreeFixture tree(String resources) {
        return new TreeFixture(repo)
                .root()
                .app("seldon", 1, "c/seldon", "seldon-system", "CreateNamespace=true")
                .file("c/seldon/kustomization.yaml", "resources: " + resources + "\n" + CHARTS)
                .file("c/seldon/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: seldon-system}\n");
    }

    private static TreeFixture withArgocdCm(TreeFixture t, String data) {
        return t.file(
                "tree/argocd-cm.yaml",
                TreeFixture.HEALTH_CHECK.replace("data:\n", "data:\n" + (data.isEmpty() ? "" : "  " + data + "\n")));
    }

    private Validation validate(TreeFixture t) {
        RenderOptions options = new RenderOptions(null, 1, Duration.ofSeconds(60), Kustomize.required());
        return new Validator(Catalogs.builtin(), Rendering::run, r -> {}, Rules.all())
                .validate(new ValidateRequest(t.tree(), repo, Map.of(), options, cache, null)
                        .withOptions(ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO)));
    }

    private static List<Finding> about(Validation v, String app) {
        return v.findings().stream().filter(f -> app.equals(f.app())).toList();
    }

    @Test
    void withArgoCdsSettingsOutsideTheTreeTheAppIsUnverifiedNotAnError() {
        Validation v = validate(tree("[ns.yaml]"));

        assertThat(v.unverified()).containsOnlyKeys("seldon");
        assertThat(about(v, "seldon")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unverified");
            assertThat(f.message())
                    .isEqualTo("c/seldon inflates Helm charts with kustomize's helmCharts (seldon-core-operator"
                            + " 1.17.1), which kustomize does only with --enable-helm, and kfboot does not pass it:"
                            + " the app is unverified");
        });
        assertThat(v.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }

    @Test
    void anArgocdCmWithEnableHelmInItsBuildOptionsLeavesItUnverified() {
        Validation v = validate(withArgocdCm(
                tree("[ns.yaml]"), "kustomize.buildOptions: --load-restrictor LoadRestrictionsNone --enable-helm"));

        assertThat(v.unverified()).containsOnlyKeys("seldon");
        assertThat(v.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }

    @Test
    void theTreesOwnArgocdCmWithoutEnableHelmIsAnErrorArgoCdMeetsToo() {
        Validation v = validate(withArgocdCm(tree("[ns.yaml]"), "kustomize.buildOptions: --enable-alpha-plugins"));

        assertThat(v.unverified()).isEmpty();
        assertThat(about(v, "seldon")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("render-failed");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message())
                    .contains("c/seldon inflates Helm charts")
                    .contains("the tree's argocd-cm (tree/argocd-cm.yaml:")
                    .contains("Argo CD cannot render the app either");
            assertThat(f.hint()).isEqualTo("add kustomize.buildOptions: --enable-helm to that argocd-cm");
        });
    }

    @Test
    void aKustomizationThatFailsForAnotherReasonKeepsItsError() {
        Validation v = validate(tree("[ns.yaml, missing.yaml]"));

        assertThat(v.unverified()).isEmpty();
        assertThat(about(v, "seldon")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("render-failed");
            assertThat(f.message()).contains("missing.yaml").doesNotContain("inflates");
        });
    }

    private TreeFixture readsOutside(String reference) {
        return new TreeFixture(repo)
                .root()
                .app("web", 1, "c/web", "web", "CreateNamespace=true")
                .file("c/web/kustomization.yaml", "resources:\n- " + reference + "\n")
                .file("shared/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared}\ndata: {a: b}\n");
    }

    @Test
    void aFileOutsideTheKustomizationWithArgoCdsSettingsOutsideTheTreeIsUnverified() {
        Validation v = validate(readsOutside("../../shared/cm.yaml"));

        assertThat(v.unverified()).containsOnlyKeys("web");
        assertThat(about(v, "web")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unverified");
            assertThat(f.message())
                    .startsWith("c/web reads a file outside its directory (")
                    .contains("shared/cm.yaml")
                    .contains("only with --load-restrictor LoadRestrictionsNone")
                    .contains("the tree does not write argocd-cm");
        });
        assertThat(v.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }

    @Test
    void theTreesArgocdCmAskingForLoadRestrictionsNoneIsHowKfbootRendersToo() {
        Validation v = validate(withArgocdCm(
                readsOutside("../../shared/cm.yaml"),
                "kustomize.buildOptions: --load-restrictor=LoadRestrictionsNone"));

        assertThat(v.unverified()).isEmpty();
        assertThat(v.context().inventory().of("web"))
                .extracting(e -> e.object().id().toString())
                .containsExactly("configmap/shared");
        assertThat(v.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }

    @Test
    void theTreesArgocdCmWithoutLoadRestrictionsNoneIsAnError() {
        Validation v = validate(withArgocdCm(readsOutside("../../shared/cm.yaml"), ""));

        assertThat(about(v, "web")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("render-failed");
            assertThat(f.message())
                    .startsWith("c/web reads a file outside its directory (")
                    .contains("the tree's argocd-cm (tree/argocd-cm.yaml:");
            assertThat(f.hint())
                    .isEqualTo("add kustomize.buildOptions: --load-restrictor LoadRestrictionsNone to that argocd-cm");
        });
    }

    /** LoadRestrictionsNone lets kustomize read outside the kustomization, never outside the repository. */
    @Test
    void loadRestrictionsNoneStillReadsNothingOutsideTheRepository(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata: {name: leak}\n");
        String reference = repo.resolve("c/web")
                .relativize(elsewhere.resolve("secret.yaml"))
                .toString();
        Validation v = validate(withArgocdCm(
                readsOutside(reference), "kustomize.buildOptions: --load-restrictor LoadRestrictionsNone"));

        assertThat(v.context().inventory().of("web")).isEmpty();
        assertThat(about(v, "web")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("render-failed");
            assertThat(f.message()).startsWith("refused to read outside the repository");
        });
        assertThat(v.findings().toString()).doesNotContain("leak");
    }
}
