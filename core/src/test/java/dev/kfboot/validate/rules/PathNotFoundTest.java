package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathNotFoundTest {

    @TempDir
    Path repo;

    @Test
    void globAndMissingPathsAreErrorsAtThePathLine() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("web-apps", 4, "'applications/*/overlays/istio'", "kubeflow")
                .app("model-registry", 5, "applications/model-registry/upstream/base", "kubeflow")
                .component("applications/model-registry/upstream/overlays/db", "");

        List<Finding> f = t.findings(new PathNotFound());

        assertThat(f).extracting(Finding::app).containsExactly("model-registry", "web-apps");
        assertThat(f.get(0).message())
                .contains("path applications/model-registry/upstream/base does not exist")
                .contains("the closest existing directory is applications/model-registry/upstream");
        assertThat(f.get(1).message()).contains("contains a glob; Argo CD does not expand it");
        assertThat(f.get(1).location().toString()).isEqualTo("tree/apps/web-apps.yaml:13");
        assertThat(f.get(1).hint()).contains("ApplicationSet git directory generator");
    }

    @Test
    void existingPathsPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "applications/katib", "kubeflow")
                .component("applications/katib", "");

        assertThat(t.findings(new PathNotFound())).isEmpty();
    }
}
