package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateResourceTest {

    static final String METACONTROLLER_ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: kubeflow-metacontroller
            """;
    static final String PIPELINE_API = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ml-pipeline
              namespace: kubeflow
            """;

    @TempDir
    Path repo;

    @Test
    void theSeedsMetacontrollerConflictIsOneErrorForThePair() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("pipelines", 2, "apps/pipelines", "kubeflow")
                .component("apps/pipelines", METACONTROLLER_ROLE + "---\n" + PIPELINE_API)
                .app("metacontroller", 2, "apps/metacontroller", "kubeflow")
                .component("apps/metacontroller", METACONTROLLER_ROLE);

        List<Finding> f = t.findings(new DuplicateResource());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.app()).isEqualTo("metacontroller");
            assertThat(x.resource()).isEqualTo("clusterrole.rbac.authorization.k8s.io/kubeflow-metacontroller");
            assertThat(x.message())
                    .contains("renders 1 object that pipelines also renders")
                    .contains("SharedResourceWarning");
        });
    }

    @Test
    void anAppPointedAtEverythingIsBlamedOncePerOtherApp() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("common-services", 0, "example", "kubeflow")
                .component("example", METACONTROLLER_ROLE + "---\n" + PIPELINE_API)
                .app("pipelines", 2, "apps/pipelines", "kubeflow")
                .component("apps/pipelines", PIPELINE_API)
                .app("metacontroller", 2, "apps/metacontroller", "kubeflow")
                .component("apps/metacontroller", METACONTROLLER_ROLE);

        List<Finding> f = t.findings(new DuplicateResource());

        assertThat(f).extracting(Finding::app).containsOnly("common-services");
        assertThat(f)
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("that metacontroller also renders"))
                .anyMatch(m -> m.contains("that pipelines also renders"));
    }

    @Test
    void twoApplicationsWithOneNameAreReported() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", "")
                .file(
                        "tree/apps/katib-again.yaml",
                        TreeFixture.application("katib", 3, "apps/katib", "kubeflow", new String[0], ""));

        assertThat(t.findings(new DuplicateResource()))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("another Application is also named katib"));
    }

    @Test
    void appsOwningDistinctObjectsOrDeployingToOtherClustersPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("pipelines", 2, "apps/pipelines", "kubeflow")
                .component("apps/pipelines", PIPELINE_API)
                .app("metacontroller", 2, "apps/metacontroller", "kubeflow")
                .component("apps/metacontroller", METACONTROLLER_ROLE)
                .file(
                        "tree/apps/metacontroller-edge.yaml",
                        TreeFixture.application(
                                        "metacontroller-edge", 2, "apps/metacontroller", "kubeflow", new String[0], "")
                                .replace("https://kubernetes.default.svc", "https://edge.internal:6443"));

        assertThat(t.findings(new DuplicateResource())).isEmpty();
    }
}
