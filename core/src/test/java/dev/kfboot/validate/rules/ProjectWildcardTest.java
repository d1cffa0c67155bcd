package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWildcardTest {

    static final String PROJECT = """
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata:
              name: platform
              namespace: argocd
            spec:
              sourceRepos:
                - %s
              destinations:
                - namespace: '%s'
                  server: https://kubernetes.default.svc
              clusterResourceWhitelist:
                - group: '%s'
                  kind: '%s'
            """;

    @TempDir
    Path repo;

    @Test
    void wildcardsInTheProjectAndAppsOnTheBuiltInDefaultProjectAreWarnings() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .file("tree/project.yaml", PROJECT.formatted("'*'", "*", "*", "*"))
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", "")
                .file(
                        "tree/apps/kserve.yaml",
                        TreeFixture.application("kserve", 3, "apps/katib", "kubeflow", new String[0], "")
                                .replace("project: platform", "project: default"));

        List<Finding> f = t.findings(new ProjectWildcard());

        assertThat(f)
                .extracting(Finding::message)
                .containsExactly(
                        "1 app (kserve) use Argo CD's built-in default project, which allows "
                                + "every source, destination and cluster-scoped kind",
                        "AppProject platform allows every source repository (*)",
                        "AppProject platform allows a * destination (server "
                                + "https://kubernetes.default.svc, namespace *)",
                        "AppProject platform allows every cluster-scoped kind (group *, kind *)");
        assertThat(f.get(1).location().toString()).isEqualTo("tree/project.yaml:7");
    }

    @Test
    void aLeastPrivilegeProjectPasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .file(
                        "tree/project.yaml",
                        PROJECT.formatted(
                                TreeFixture.REPO, "kubeflow", "apiextensions.k8s.io", "CustomResourceDefinition"))
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", "");

        assertThat(t.findings(new ProjectWildcard())).isEmpty();
    }
}
