package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteBaseUnpinnedTest {

    @TempDir
    Path repo;

    @Test
    void aBaseWithoutRefOrOnABranchIsAWarningNamingIt() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("pipelines", 2, "apps/pipelines", "kubeflow")
                .componentWithRemotes(
                        "apps/pipelines",
                        "",
                        "https://github.com/argoproj/argo-workflows/manifests/base/crds/full",
                        "https://github.com/kubeflow/manifests//common/istio?ref=master",
                        "https://github.com/kubeflow/manifests//common/dex?ref=v1.10-branch",
                        "https://github.com/kubeflow/manifests//common/oauth2-proxy?ref=v1.10.0",
                        "https://raw.githubusercontent.com/kubeflow/trainer/main/manifests/crd.yaml",
                        "https://raw.githubusercontent.com/kubeflow/katib/refs/heads/master/manifests/crd.yaml",
                        "https://raw.githubusercontent.com/kubeflow/katib/refs/tags/v0.18.0/manifests/crd.yaml",
                        "https://github.com/kubernetes-sigs/lws/releases/latest/download/manifests.yaml");

        List<Finding> f = t.findings(new RemoteBaseUnpinned());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.app()).isEqualTo("pipelines");
            assertThat(x.message())
                    .contains(
                            "6 remote bases",
                            "refs/heads/master/manifests/crd.yaml (ref master, a branch)",
                            "lws/releases/latest/download/manifests.yaml (the latest release, whichever that is)",
                            "https://github.com/argoproj/argo-workflows/manifests/base/crds/full "
                                    + "(no ?ref=: the repository's default branch)",
                            "common/istio?ref=master (ref master, a branch)",
                            "ref v1.10-branch, a branch",
                            "trainer/main/manifests/crd.yaml (ref main, a branch)")
                    .doesNotContain("oauth2-proxy")
                    .doesNotContain("v0.18.0");
        });
    }

    @Test
    void tagsCommitsAndReleaseDownloadsPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("trainer", 2, "apps/trainer", "kubeflow-system")
                .componentWithRemotes(
                        "apps/trainer",
                        "",
                        "https://github.com/kubernetes-sigs/jobset/releases/download/v0.10.1/manifests.yaml",
                        "https://github.com/kubeflow/manifests//common/dex?ref=v1.10.0",
                        "github.com/kubeflow/katib/manifests/v1beta1?ref=3f2e9a1c0b7d",
                        "https://example.com/manifests/crds.yaml");

        assertThat(t.findings(new RemoteBaseUnpinned())).isEmpty();
    }
}
