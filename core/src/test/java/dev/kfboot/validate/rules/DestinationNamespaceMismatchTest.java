package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationNamespaceMismatchTest {

    /** Objects as model-registry renders them: no namespace. */
    static final String MODEL_REGISTRY = """
            apiVersion: v1
            kind: Service
            metadata:
              name: model-registry-service
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: model-registry-deployment
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: model-registry-server
            """;
    /** Objects as the web apps' istio overlays render them: namespace kubeflow on every one. */
    static final String WEB_APPS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: jupyter-web-app-deployment
              namespace: kubeflow
            """;

    @TempDir
    Path repo;

    @Test
    void anUnnamespacedParameterConfigMapIsNoMismatch() {
        // issue 16 cause 7: kustomize leaves a params ConfigMap without a namespace; Argo CD puts it in the destination
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("web-apps", 4, "apps/web", "istio-system")
                .component("apps/web", WEB_APPS + """
                        ---
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: jupyter-web-app-parameters
                        data: {JWA_APP_SECURE_COOKIES: "true"}
                        """);

        List<Finding> f = t.findings(new DestinationNamespaceMismatch());

        assertThat(f).noneMatch(x -> x.severity() == Severity.ERROR);
        assertThat(f).extracting(Finding::message).noneMatch(m -> m.contains("without a namespace"));
    }

    @Test
    void theSeedsWebAppsInIstioSystemAndObjectsWithoutAnyNamespaceAreReported() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("web-apps", 4, "apps/web", "istio-system")
                .component("apps/web", WEB_APPS)
                .app("model-registry", 5, "apps/mr", null)
                .component("apps/mr", MODEL_REGISTRY)
                .app("model-registry-2", 5, "apps/mr2", "istio-system")
                .component("apps/mr2", MODEL_REGISTRY);

        List<Finding> f = t.findings(new DestinationNamespaceMismatch());

        assertThat(f).extracting(Finding::app).containsExactly("model-registry-2", "model-registry", "web-apps");
        assertThat(f.get(1).message())
                .contains("3 namespaced objects set no namespace and the app has no destination namespace");
        assertThat(f.get(0).message())
                .contains("land in the destination istio-system, but the release's model-registry "
                        + "component belongs in kubeflow");
        assertThat(f.get(2).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(2).message())
                .isEqualTo("destination namespace istio-system is not used: every namespaced "
                        + "object names its own namespace (kubeflow)");
    }

    @Test
    void destinationsWhereTheObjectsBelongPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("web-apps", 4, "apps/web", "kubeflow")
                .component("apps/web", WEB_APPS)
                .app("model-registry", 5, "apps/mr", "kubeflow")
                .component("apps/mr", MODEL_REGISTRY);

        assertThat(t.findings(new DestinationNamespaceMismatch())).isEmpty();
    }
}
