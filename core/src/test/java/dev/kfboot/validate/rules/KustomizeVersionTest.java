package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeVersionTest {

    @TempDir
    Path repo;

    private TreeFixture withVersion(String version) {
        TreeFixture t = new TreeFixture(repo).root().component("apps/katib", "");
        return t.file(
                "tree/apps/katib.yaml",
                TreeFixture.application("katib", 2, "apps/katib", "kubeflow", new String[0], "")
                        .replace(
                                "    path: apps/katib\n",
                                "    path: apps/katib\n    kustomize:\n      version: " + version + "\n"));
    }

    @Test
    void aVersionKfbootDoesNotRunIsAWarningNamingIt() {
        // the fixture's kustomize reports v-test
        List<Finding> f = withVersion("v4.5.7").findings(new KustomizeVersion());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.message())
                    .contains("kustomize v4.5.7", "kustomize.path.v4.5.7", "rendered with kustomize v-test");
            assertThat(x.location().toString()).isEqualTo("tree/apps/katib.yaml:14");
        });
    }

    @Test
    void theVersionKfbootRendersWithOrNoVersionPasses() {
        assertThat(withVersion("v-test").findings(new KustomizeVersion())).isEmpty();
        assertThat(new TreeFixture(repo)
                        .root()
                        .app("kserve", 2, "apps/kserve", "kubeflow")
                        .component("apps/kserve", "")
                        .findings(new KustomizeVersion()))
                .isEmpty();
    }
}
