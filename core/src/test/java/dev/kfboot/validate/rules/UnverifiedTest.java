package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnverifiedTest {

    @TempDir
    Path repo;

    @Test
    void anotherRepositoryWithoutACheckoutIsUnverifiedOnceAndAbsencesAreNotErrors() {
        String upstream = "https://github.com/kubeflow/manifests.git";
        TreeFixture t = new TreeFixture(repo)
                .root()
                .healthCheck()
                .file(
                        "tree/apps/katib.yaml",
                        TreeFixture.application("katib", 1, "applications/katib", "kubeflow", new String[0], "")
                                .replace(TreeFixture.REPO, upstream))
                .file(
                        "tree/apps/kserve.yaml",
                        TreeFixture.application("kserve", 1, "applications/kserve", "kubeflow", new String[0], "")
                                .replace(TreeFixture.REPO, upstream))
                .app("web", 2, "c/web", "kubeflow")
                .component("c/web", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: kubeflow\n");

        List<Finding> all = t.validate(Rules.all()).findings();

        assertThat(all)
                .filteredOn(f -> f.rule().equals("unverified"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message())
                            .isEqualTo("repository " + upstream
                                    + " has no local checkout: 2 apps unverified (katib, kserve)");
                    assertThat(f.hint()).startsWith("pass --source " + upstream + "=DIR");
                });
        // namespace kubeflow may come from the unverified apps: namespace-order says it could not check
        assertThat(all)
                .filteredOn(f -> f.rule().equals("namespace-order"))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(all).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void everythingCheckableGivesNoUnverifiedFinding() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .healthCheck()
                .app("web", 2, "c/web", "kubeflow", "CreateNamespace=true")
                .component("c/web", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: kubeflow\n");

        assertThat(t.findings(new Unverified())).isEmpty();
    }
}
