package dev.kfboot.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.GroupKind;
import dev.kfboot.yaml.RenderedYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private static List<KubeObject> objects(String component, String yaml) {
        List<KubeObject> out = new ArrayList<>();
        for (Map<String, Object> doc : RenderedYaml.parse(yaml)) out.add(ObjectReader.read(doc, component, false));
        return out;
    }

    private static Inventory.Entry entry(Inventory inv, String name) {
        return inv.entries().stream()
                .filter(e -> e.object().id().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void namespacedObjectWithItsNamespaceIsPlacedThere() {
        Inventory inv = Inventory.of(objects("pipelines", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: kubeflow}
                """), Map.of("pipelines", "other"));

        Inventory.Entry e = entry(inv, "c");
        assertThat(e.scope()).isEqualTo(Scope.NAMESPACED);
        assertThat(e.namespace()).isEqualTo("kubeflow");
        assertThat(e.quirk()).isEqualTo(Inventory.Quirk.NONE);
    }

    @Test
    void clusterScopedObjectCarryingANamespaceIgnoresIt() {
        Inventory inv = Inventory.of(objects("spark-operator", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: spark-operator, namespace: kubeflow}
                """), Map.of("spark-operator", "kubeflow"));

        Inventory.Entry e = entry(inv, "spark-operator");
        assertThat(e.scope()).isEqualTo(Scope.CLUSTER);
        assertThat(e.namespace()).isNull();
        assertThat(e.quirk()).isEqualTo(Inventory.Quirk.NAMESPACE_ON_CLUSTER_SCOPED);
        assertThat(e.object().id().namespace())
                .as("the id keeps what was rendered")
                .isEqualTo("kubeflow");
    }

    @Test
    void clusterScopedObjectWithoutNamespaceIsNormal() {
        Inventory inv = Inventory.of(objects("kubeflow-roles", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: kubeflow-admin}
                """), Map.of("kubeflow-roles", "kubeflow"));

        assertThat(entry(inv, "kubeflow-admin").quirk()).isEqualTo(Inventory.Quirk.NONE);
        assertThat(entry(inv, "kubeflow-admin").namespace()).isNull();
    }

    @Test
    void namespacedObjectWithoutNamespaceLandsInTheDestinationNamespace() {
        Inventory inv = Inventory.of(objects("model-registry", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: model-registry-deployment}
                """), Map.of("model-registry", "kubeflow"));

        Inventory.Entry e = entry(inv, "model-registry-deployment");
        assertThat(e.namespace()).isEqualTo("kubeflow");
        assertThat(e.quirk()).isEqualTo(Inventory.Quirk.NAMESPACE_DEFAULTED);
        assertThat(inv.namespacesOf("model-registry")).containsExactly("kubeflow");
    }

    @Test
    void customKindTakesTheScopeOfItsCrdInTheInventory() {
        List<KubeObject> all = new ArrayList<>(objects("profiles", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: profiles.kubeflow.org}
                spec:
                  group: kubeflow.org
                  names: {kind: Profile, plural: profiles}
                  scope: Cluster
                """));
        all.addAll(objects("user-namespace", """
                apiVersion: kubeflow.org/v1
                kind: Profile
                metadata: {name: kubeflow-user-example-com, namespace: kubeflow}
                ---
                apiVersion: kubeflow.org/v1beta1
                kind: Notebook
                metadata: {name: nb}
                """));
        all.addAll(objects("notebook-controller", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: notebooks.kubeflow.org}
                spec:
                  group: kubeflow.org
                  names: {kind: Notebook, plural: notebooks}
                  scope: Namespaced
                """));

        Inventory inv = Inventory.of(all, Map.of("user-namespace", "kubeflow", "profiles", "kubeflow"));

        Inventory.Entry profile = entry(inv, "kubeflow-user-example-com");
        assertThat(profile.scope()).isEqualTo(Scope.CLUSTER);
        assertThat(profile.namespace()).isNull();
        assertThat(profile.quirk()).isEqualTo(Inventory.Quirk.NAMESPACE_ON_CLUSTER_SCOPED);
        Inventory.Entry notebook = entry(inv, "nb");
        assertThat(notebook.scope()).isEqualTo(Scope.NAMESPACED);
        assertThat(notebook.namespace()).isEqualTo("kubeflow");
        assertThat(notebook.quirk()).isEqualTo(Inventory.Quirk.NAMESPACE_DEFAULTED);
        assertThat(inv.kinds().pluralOf(new GroupKind("kubeflow.org", "Profile")))
                .isEqualTo("profiles");
    }

    @Test
    void kindNobodyDefinesIsUnknown() {
        Inventory inv = Inventory.of(objects("pipelines", """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata: {name: wt, namespace: kubeflow}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: cw}
                """), Map.of("pipelines", "kubeflow"));

        Inventory.Entry wt = entry(inv, "wt");
        assertThat(wt.scope()).isEqualTo(Scope.UNKNOWN);
        assertThat(wt.quirk()).isEqualTo(Inventory.Quirk.UNKNOWN_KIND);
        assertThat(wt.namespace()).isEqualTo("kubeflow");
        assertThat(entry(inv, "cw").quirk()).isEqualTo(Inventory.Quirk.UNKNOWN_KIND);
        assertThat(entry(inv, "cw").namespace()).isNull();
    }

    @Test
    void indexesByComponentKindCrdAndNamespace() {
        List<KubeObject> all = new ArrayList<>(objects("kubeflow-namespace", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: kubeflow, labels: {istio-injection: enabled}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: kubeflow}
                """));
        all.addAll(objects("cert-manager", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: certificates.cert-manager.io}
                spec:
                  group: cert-manager.io
                  names: {kind: Certificate, plural: certificates}
                  scope: Namespaced
                """));

        Inventory inv = Inventory.of(all, Map.of());

        assertThat(inv.size()).isEqualTo(3);
        assertThat(inv.components()).containsExactly("cert-manager", "kubeflow-namespace");
        assertThat(inv.of("kubeflow-namespace")).hasSize(2);
        assertThat(inv.ofKind(new GroupKind("", "ConfigMap"))).hasSize(1);
        assertThat(inv.crdsDefining(new GroupKind("cert-manager.io", "Certificate")))
                .extracting(Inventory.Entry::component)
                .containsExactly("cert-manager");
        assertThat(inv.namespaceCreators("kubeflow"))
                .extracting(Inventory.Entry::component)
                .containsExactly("kubeflow-namespace");
        assertThat(inv.namespaceLabels("kubeflow")).isEqualTo(Map.of("istio-injection", "enabled"));
        assertThat(inv.namespaceLabels("nowhere")).isEmpty();
        assertThat(inv.kindCounts("kubeflow-namespace"))
                .containsExactly(Map.entry("ConfigMap", 1), Map.entry("Namespace", 1));
        assertThat(inv.bytes())
                .isEqualTo(all.stream().mapToLong(KubeObject::size).sum())
                .isGreaterThan(0);
    }
}
