package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MissingComponentTest {

    static final String USER_NAMESPACE = """
            apiVersion: kubeflow.org/v1beta1
            kind: Profile
            metadata:
              name: kubeflow-user-example-com
            """;
    static final String WEBHOOK = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: admission-webhook-mutating-webhook-configuration
              annotations:
                cert-manager.io/inject-ca-from: kubeflow/admission-webhook-cert
            webhooks: []
            """;
    static final String PIPELINES = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ml-pipeline
              namespace: kubeflow
            """;

    @TempDir Path repo;

    @Test
    void userNamespaceWithoutProfilesAndWebhooksWithoutCertManagerAreErrors() {
        TreeFixture t = new TreeFixture(repo).root()
                .app("user-namespace", 5, "apps/un", "kubeflow").component("apps/un", USER_NAMESPACE)
                .app("admission-webhook", 1, "apps/aw", "kubeflow").component("apps/aw", WEBHOOK)
                .app("widgets", 1, "apps/w", "kubeflow").component("apps/w", "apiVersion: acme.io/v1\nkind: Widget\nmetadata:\n  name: w\n");

        List<Finding> f = t.findings(new MissingComponent());

        // admission-webhook also makes it a Kubeflow tree missing its core set, and renders part of its component
        f = f.stream().filter(x -> x.app() != null && !x.message().startsWith("renders only")).toList();
        assertThat(f).extracting(x -> x.app() + " " + x.severity())
                .containsExactly("admission-webhook ERROR", "user-namespace ERROR", "widgets WARNING");
        assertThat(f.get(0).message()).isEqualTo("needs cert-manager, which no app of the tree installs: it has caBundles that cert-manager's cainjector fills");
        assertThat(f.get(1).message()).isEqualTo("needs profiles, which no app of the tree installs: it creates Profile.kubeflow.org objects, whose CRD profiles ships");
        assertThat(f.get(2).message()).contains("creates Widget.acme.io objects, but no app of the tree ships their CRD");
    }

    @Test
    void aKubeflowTreeWithoutItsCoreSetAndAPartialComponentAreWarnings() {
        TreeFixture t = new TreeFixture(repo).root()
                .app("pipelines", 2, "apps/kfp", "kubeflow").component("apps/kfp", PIPELINES)
                .app("model-registry", 5, "apps/mr", "kubeflow").component("apps/mr", DestinationNamespaceMismatchTest.MODEL_REGISTRY);

        List<Finding> f = t.findings(new MissingComponent());

        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING);
        assertThat(f).extracting(Finding::message)
                .contains("the tree installs Kubeflow 26.03 without profiles, part of its core set: "
                        + "Profiles controller and KFAM with Pod Security Standards; owns the Profile CRD (never delete it).")
                .anyMatch(m -> m.startsWith("the tree installs Kubeflow 26.03 without admission-webhook"))
                .anyMatch(m -> m.startsWith("the tree installs Kubeflow 26.03 without pvcviewer-controller"))
                .anyMatch(m -> m.startsWith("the tree installs Kubeflow 26.03 without user-namespace"))
                .anyMatch(m -> m.startsWith("renders only 3 of the 9 objects of the release's model-registry (variant db); "
                        + "missing configmap/model-registry-configmap, configmap/model-registry-db-parameters, persistentvolumeclaim/metadata-mysql, secret/model-registry-db-secrets, service/model-registry-db and 1 more"));
        assertThat(f).filteredOn(x -> x.message().contains("core set")).allMatch(x -> x.location().toString().equals("tree/root.yaml:1"));
    }

    @Test
    void aComponentSplitOverTwoAppsIsComplete() {
        String mr = DestinationNamespaceMismatchTest.MODEL_REGISTRY + """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: model-registry-configmap}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: model-registry-db-parameters}
                """;
        String db = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: metadata-mysql}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: model-registry-db-secrets}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: model-registry-db}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: model-registry-db}
                """;
        TreeFixture t = new TreeFixture(repo).root()
                .app("model-registry", 5, "apps/mr", "kubeflow").component("apps/mr", mr)
                .app("model-registry-db", 4, "apps/db", "kubeflow").component("apps/db", db);

        assertThat(t.findings(new MissingComponent())).noneMatch(x -> x.message().startsWith("renders only"))
                .allMatch(x -> x.message().contains("core set"));
    }

    @Test
    void aTreeThatShipsWhatItNeedsPasses() {
        TreeFixture t = new TreeFixture(repo).root()
                .app("widget-crds", 1, "apps/crds", "kubeflow").component("apps/crds", """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata:
                          name: widgets.acme.io
                        spec:
                          group: acme.io
                          names: {kind: Widget, plural: widgets}
                          scope: Cluster
                        """)
                .app("widgets", 5, "apps/w", "kubeflow").component("apps/w", "apiVersion: acme.io/v1\nkind: Widget\nmetadata:\n  name: w\n");

        assertThat(t.findings(new MissingComponent())).isEmpty();
    }
}
