package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryOnKustomizeTest {

    @TempDir
    Path repo;

    @Test
    void recursingOverAKustomizationIsAnErrorAtTheDirectoryLine() {
        TreeFixture t = new TreeFixture(repo).root().component("apps/katib", "");
        t.file(
                "tree/apps/katib.yaml",
                TreeFixture.application("katib", 2, "apps/katib", "kubeflow", new String[0], "")
                        .replace(
                                "    path: apps/katib\n",
                                "    path: apps/katib\n    directory:\n      recurse: true\n"));

        List<Finding> f = t.findings(new DirectoryOnKustomize());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.app()).isEqualTo("katib");
            assertThat(x.message())
                    .contains(
                            "path apps/katib holds a kustomization",
                            "directory.recurse: true",
                            "applies the kustomization file itself");
            assertThat(x.location().toString()).isEqualTo("tree/apps/katib.yaml:14");
        });
    }

    @Test
    void includeAndExcludeTogetherAreExplicitToo() {
        TreeFixture t = new TreeFixture(repo).root().component("apps/katib", "");
        t.file(
                "tree/apps/katib.yaml",
                TreeFixture.application("katib", 2, "apps/katib", "kubeflow", new String[0], "")
                        .replace(
                                "    path: apps/katib\n",
                                "    path: apps/katib\n    directory:\n      include: "
                                        + "'*.yaml'\n      exclude: 'patch-*'\n"));

        assertThat(t.findings(new DirectoryOnKustomize()))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("directory.include and directory.exclude"));
    }

    @Test
    void directoryAndKustomizeOptionsTogetherAreTwoSourceTypes() {
        TreeFixture t = new TreeFixture(repo).root().component("apps/katib", "");
        t.file(
                "tree/apps/katib.yaml",
                TreeFixture.application("katib", 2, "apps/katib", "kubeflow", new String[0], "")
                        .replace(
                                "    path: apps/katib\n",
                                "    path: apps/katib\n    directory:\n      recurse: true\n    "
                                        + "kustomize:\n      namePrefix: a-\n"));

        assertThat(t.findings(new DirectoryOnKustomize()))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("the source has two types and Argo CD refuses"));
    }

    @Test
    void anEmptyDirectoryBlockOrAPlainDirectoryPasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .component("apps/katib", "")
                .file("apps/plain/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: plain\n");
        t.file(
                "tree/apps/katib.yaml",
                TreeFixture.application("katib", 2, "apps/katib", "kubeflow", new String[0], "")
                        .replace(
                                "    path: apps/katib\n",
                                "    path: apps/katib\n    directory:\n      recurse: false\n"));
        t.file(
                "tree/apps/plain.yaml",
                TreeFixture.application("plain", 2, "apps/plain", "plain", new String[0], "")
                        .replace(
                                "    path: apps/plain\n",
                                "    path: apps/plain\n    directory:\n      recurse: true\n"));

        assertThat(t.findings(new DirectoryOnKustomize())).isEmpty();
    }
}
