package dev.kfboot.validate.rules;

import static dev.kfboot.validate.rules.OrderingFixtures.KUBEFLOW_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceOrderTest {

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: katib-controller
              namespace: kubeflow
            """;

    @TempDir
    Path repo;

    @Test
    void aNamespaceCreatedInTheSameWaveIsAnError() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("kubeflow-namespace", 2, "apps/ns", "kubeflow")
                .component("apps/ns", KUBEFLOW_NAMESPACE)
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", DEPLOYMENT);

        List<Finding> f = t.findings(new NamespaceOrder());

        assertThat(f)
                .singleElement()
                .satisfies(x -> assertThat(x.message())
                        .contains("puts objects into namespace kubeflow, which "
                                + "kubeflow-namespace creates, but both sync in wave 2"));
    }

    @Test
    void aNamespaceNobodyCreatesIsAnErrorUnlessArgoCdCreatesTheDestination() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", DEPLOYMENT)
                .app("katib-too", 2, "apps/katib2", "kubeflow", "CreateNamespace=true")
                .component("apps/katib2", DEPLOYMENT.replace("katib-controller", "katib-ui"))
                .app("elsewhere", 2, "apps/elsewhere", "other", "CreateNamespace=true")
                .component("apps/elsewhere", DEPLOYMENT.replace("katib-controller", "x"));

        List<Finding> f = t.findings(new NamespaceOrder());

        assertThat(f).extracting(Finding::app).containsExactly("elsewhere", "katib");
        assertThat(f.get(0).hint()).contains("CreateNamespace=true only creates the destination namespace");
        assertThat(f.get(1).message())
                .isEqualTo("puts objects into namespace kubeflow, which no app of the tree creates");
    }

    @Test
    void aNamespaceCreatedInAnEarlierWavePasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("kubeflow-namespace", 0, "apps/ns", "kubeflow")
                .component("apps/ns", KUBEFLOW_NAMESPACE)
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", DEPLOYMENT);

        assertThat(t.findings(new NamespaceOrder())).isEmpty();
    }
}
