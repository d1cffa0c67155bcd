package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteBaseTest {

    @TempDir
    Path repo;

    @Test
    void anAppFetchingRemoteBasesIsAWarningNamingEachUrl() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("trainer", 2, "apps/trainer", "kubeflow-system")
                .componentWithRemotes(
                        "apps/trainer",
                        "",
                        "https://github.com/kubernetes-sigs/jobset/releases/download/v0.10.1/manifests.yaml");

        List<Finding> f = t.findings(new RemoteBase());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.message())
                    .contains("https://github.com/kubernetes-sigs/jobset/releases/download/v0.10.1/manifests.yaml");
        });
    }

    @Test
    void localBasesPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", "");

        assertThat(t.findings(new RemoteBase())).isEmpty();
    }
}
