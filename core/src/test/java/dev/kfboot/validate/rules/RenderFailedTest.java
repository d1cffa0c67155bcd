package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderFailedTest {

    @TempDir
    Path repo;

    @Test
    void aDocumentThatIsNotAnObjectAndAChartHelmRefusesAreReported() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("broken", 1, "apps/broken", "kubeflow")
                .component("apps/broken", "just: a map\n")
                .app("chart", 1, "charts/thing", "kubeflow")
                .file("charts/thing/Chart.yaml", "name: thing\n");

        List<Finding> f = t.findings(new RenderFailed());

        assertThat(f)
                .extracting(Finding::app, Finding::severity)
                .containsExactly(Tuple.tuple("broken", Severity.ERROR), Tuple.tuple("chart", Severity.ERROR));
        assertThat(f.get(0).message()).contains("not a Kubernetes object");
        // Helm renders the chart in process (issue 16): a Chart.yaml without a version fails as it fails in Argo CD
        assertThat(f.get(1).message()).startsWith("helm template fails: ").contains("version");
    }

    @Test
    void aPlainDirectoryWithBrokenYamlFailsAndAGoodOneRenders() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("plain", 1, "apps/plain", "kubeflow")
                .file("apps/plain/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n")
                .app("bad", 1, "apps/bad", "kubeflow")
                .file("apps/bad/cm.yaml", "apiVersion: v1\nkind: [\n");

        List<Finding> f = t.findings(new RenderFailed());

        assertThat(f).extracting(Finding::app).containsExactly("bad");
        assertThat(f.get(0).message()).contains("cm.yaml is not valid YAML");
    }

    @Test
    void appsThatRenderPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("ok", 1, "apps/ok", "kubeflow")
                .component("apps/ok", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");

        assertThat(t.findings(new RenderFailed())).isEmpty();
    }
}
