package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHealthCheckMissingTest {

    @TempDir
    Path repo;

    private TreeFixture waves() {
        return new TreeFixture(repo)
                .root()
                .app("cert-manager", 0, "apps/a", "cert-manager")
                .component("apps/a", "")
                .app("katib", 2, "apps/b", "kubeflow")
                .component("apps/b", "");
    }

    @Test
    void wavesWithoutTheHealthCheckAreAnErrorOnTheAppOfApps() {
        List<Finding> f = waves().findings(new AppHealthCheckMissing());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.app()).isEqualTo("root");
            assertThat(x.message())
                    .contains("2 sync waves [0, 2]")
                    .contains("resource.customizations.health.argoproj.io_Application");
        });
    }

    @Test
    void theHealthCheckInAConfigMapPasses() {
        assertThat(waves().healthCheck().findings(new AppHealthCheckMissing())).isEmpty();
    }

    @Test
    void theHealthCheckInAJsonPatchOrHelmValuesPasses() {
        TreeFixture patch = waves().file("tree/argocd/patch.yaml", """
                - op: add
                  path: /data/resource.customizations.health.argoproj.io_Application
                  value: "hs = {} return hs"
                # argoproj.io
                """);
        assertThat(patch.findings(new AppHealthCheckMissing())).isEmpty();
    }

    @Test
    void aTreeWithOneWavePasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("cert-manager", 1, "apps/a", "cert-manager")
                .component("apps/a", "")
                .app("katib", 1, "apps/b", "kubeflow")
                .component("apps/b", "");

        assertThat(t.findings(new AppHealthCheckMissing())).isEmpty();
    }
}
