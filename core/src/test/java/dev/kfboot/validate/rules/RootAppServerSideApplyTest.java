package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootAppServerSideApplyTest {

    @TempDir
    Path repo;

    @Test
    void anAppOfAppsWithServerSideApplyIsAnError() {
        TreeFixture t = new TreeFixture(repo)
                .root("ServerSideApply=true")
                .app("katib", 2, "apps/b", "kubeflow", "ServerSideApply=true")
                .component("apps/b", "");

        assertThat(t.findings(new RootAppServerSideApply())).singleElement().satisfies(x -> {
            assertThat(x.app()).isEqualTo("root");
            assertThat(x.message()).contains("ignores the sync waves of the 1 Applications it applies (argo-cd#13320)");
            assertThat(x.location().toString()).isEqualTo("tree/root.yaml:16");
        });
    }

    @Test
    void serverSideApplyOnChildrenOnlyPasses() {
        TreeFixture t = new TreeFixture(repo)
                .root("CreateNamespace=true")
                .app("katib", 2, "apps/b", "kubeflow", "ServerSideApply=true")
                .component("apps/b", "");

        assertThat(t.findings(new RootAppServerSideApply())).isEmpty();
    }
}
