package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.Placeholders;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceholderRepoUrlTest {

    @TempDir
    Path repo;

    @Test
    void seedPlaceholdersAreErrorsAtTheRepoUrlLine() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .component("apps/katib", "")
                .file(
                        "tree/apps/katib.yaml",
                        TreeFixture.application("katib", 1, "apps/katib", "kubeflow", new String[0], "")
                                .replace(TreeFixture.REPO, "https://github.com/your-org/kubeflow-manifests"))
                .file("tree/project.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: AppProject
                        metadata:
                          name: platform
                        spec:
                          sourceRepos:
                            - https://github.com/YOUR_ORG/YOUR_REPO
                        """);

        List<Finding> f = t.findings(new PlaceholderRepoUrl());

        assertThat(f).hasSize(2);
        assertThat(f.get(0).location().toString()).isEqualTo("tree/apps/katib.yaml:11");
        assertThat(f.get(0).message())
                .contains("https://github.com/your-org/kubeflow-manifests is a placeholder (your-org)");
        assertThat(f.get(1).resource()).isEqualTo("appproject.argoproj.io/platform");
        assertThat(f.get(1).message()).contains("(YOUR_ORG)");
    }

    @Test
    void realUrlsPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 1, "apps/katib", "kubeflow")
                .component("apps/katib", "");

        assertThat(t.findings(new PlaceholderRepoUrl())).isEmpty();
    }

    @Test
    void placeholderShapes() {
        assertThat(Placeholders.in("https://github.com/your-org/kubeflow-manifests"))
                .contains("your-org");
        assertThat(Placeholders.in("https://github.com/YOUR_ORG/YOUR_REPO")).contains("YOUR_ORG");
        assertThat(Placeholders.in("https://git.example.com/platform.git")).contains("git.example.com");
        assertThat(Placeholders.in("git@example.org:team/repo.git")).contains("example.org");
        assertThat(Placeholders.in("https://github.com/<org>/manifests")).contains("<org>");
        assertThat(Placeholders.in("https://github.com/kubeflow/manifests.git")).isEmpty();
        assertThat(Placeholders.in("https://github.com/minhhcuongg-theonefour/k8s-inspect.git"))
                .isEmpty();
        assertThat(Placeholders.in("https://github.com/examples-inc/repo")).isEmpty();
    }
}
