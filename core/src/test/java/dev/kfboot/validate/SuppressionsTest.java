package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Json;
import dev.kfboot.validate.rules.Rules;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16's suppressions: --disable/--enable, .kfboot.yaml, kfboot.dev/ignore with a reason; SARIF suppressions. */
class SuppressionsTest {

    static final String SECRET = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: "
            + "kubeflow\n%sstringData:\n  password: x\n";

    @TempDir
    Path repo;

    private TreeFixture tree() {
        return new TreeFixture(repo)
                .root()
                .healthCheck()
                .app("db", 1, "c/db", "kubeflow", "CreateNamespace=true")
                .component(
                        "c/db",
                        SECRET.formatted("db", "")
                                + "---\n"
                                + SECRET.formatted(
                                        "demo",
                                        "  annotations:\n    kfboot.dev/ignore: plaintext-secret\n"
                                                + "    kfboot.dev/ignore-reason: demo "
                                                + "credentials, replaced in production\n"))
                .file(
                        "tree/apps/web.yaml",
                        TreeFixture.application(
                                        "web", 2, "c/web", "kubeflow", new String[] {"CreateNamespace=true"}, "")
                                .replace(
                                        "  annotations:\n",
                                        "  annotations:\n    kfboot.dev/ignore: plaintext-secret\n"))
                .component("c/web", SECRET.formatted("web", ""));
    }

    private static Validation validate(TreeFixture t, ValidateOptions o) {
        return new Validator(Catalogs.builtin(), t.renderer(), r -> {}, Rules.all())
                .validate(t.request().withOptions(o));
    }

    @Test
    void annotationsOnObjectsAndApplicationsSuppressWithTheirReason() throws Exception {
        Validation v = validate(tree(), ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO));

        assertThat(v.findings())
                .filteredOn(f -> f.rule().equals("plaintext-secret"))
                .extracting(Finding::resource)
                .containsExactly("-n kubeflow secret/db");
        assertThat(v.suppressed())
                .extracting(s -> s.finding().resource() + " | " + s.reason())
                .containsExactly(
                        "-n kubeflow secret/demo | kfboot.dev/ignore on -n kubeflow "
                                + "secret/demo: demo credentials, replaced in production",
                        "-n kubeflow secret/web | kfboot.dev/ignore on Application web: no reason given");

        var sarif = Json.mapper().readTree(Sarif.write(v.findings(), v.suppressed(), Rules.all(), "1", "https://d/"));
        long suppressed = 0;
        for (var r : sarif.get("runs").get(0).get("results")) if (r.has("suppressions")) suppressed++;
        assertThat(suppressed).isEqualTo(2);
    }

    @Test
    void theCommandLineAndKfbootYamlTurnRulesOffAndChangeSeverities() {
        TreeFixture t = tree().file(
                        ".kfboot.yaml",
                        "rules:\n  plaintext-secret: off\n  missing-sync-wave: error\nignorePaths:\n  - vendor/**\n");

        Validation v = validate(t, ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO));
        assertThat(v.findings()).noneMatch(f -> f.rule().equals("plaintext-secret"));
        assertThat(v.suppressed()).hasSize(3);

        Validation enabled = validate(
                t,
                new ValidateOptions(
                        TreeFixture.REPO, null, null, null, Set.of("project-wildcard"), Set.of("plaintext-secret")));
        assertThat(enabled.findings())
                .filteredOn(f -> f.rule().equals("plaintext-secret"))
                .hasSize(1);
        assertThat(enabled.findings()).noneMatch(f -> f.rule().equals("project-wildcard"));

        TreeFixture bad = tree().file(".kfboot.yaml", "rules:\n  plaintext-secret: maybe\n");
        assertThatThrownBy(() -> validate(bad, ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("plaintext-secret: maybe is not off, on, error, warning or info");
    }
}
