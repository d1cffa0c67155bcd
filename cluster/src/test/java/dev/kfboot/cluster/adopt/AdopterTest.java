package dev.kfboot.cluster.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.inventory.Scope;
import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import dev.kfboot.validate.ArgoCdSettings;
import dev.kfboot.yaml.RenderedYaml;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison behind {@code kfboot adopt}, on the mock API server. */
class AdopterTest {

    @TempDir
    Path dir;

    private MockCluster mock;
    private Cluster cluster;

    @BeforeEach
    void start() {
        mock = MockCluster.start();
        cluster = mock.connect(dir);
    }

    @AfterEach
    void stop() {
        cluster.close();
        mock.close();
    }

    private static DesiredObject object(String yaml, Scope scope, String defaultNamespace) {
        Map<String, Object> body = RenderedYaml.parse(yaml).get(0);
        String apiVersion = Fields.string(body, "apiVersion");
        String ns = Fields.string(body, "metadata", "namespace");
        if (ns == null && scope == Scope.NAMESPACED) ns = defaultNamespace;
        ResourceId id = ResourceId.of(
                GroupKind.groupOf(apiVersion),
                Fields.string(body, "kind"),
                ns,
                Fields.string(body, "metadata", "name"));
        Map<String, String> labels = new HashMap<>();
        Fields.map(body, "metadata", "labels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
        return new DesiredObject(id, apiVersion, scope, body, labels);
    }

    private Adoption compare(DesiredApp... apps) {
        return Adopter.compare(cluster, List.of(apps), new ArgoCdSettings());
    }

    @Test
    void kindsTheTreeDoesNotDefineArePlacedByTheClustersCrds() {
        mock.createCrd("cert-manager.io", "ClusterIssuer", "clusterissuers", "v1", false);
        mock.createCrd("cert-manager.io", "Certificate", "certificates", "v1", true);
        mock.create("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: kubeflow-self-signing-issuer}
                spec: {selfSigned: {}}
                """);
        mock.create("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: katib-webhook-cert, namespace: kubeflow}
                spec: {secretName: katib-webhook-cert}
                """);
        // kustomize's namespace transformer put a namespace on the cluster-scoped issuer; the certificate has none
        DesiredApp app = new DesiredApp(
                "katib",
                "kubeflow",
                null,
                List.of(object("""
                        apiVersion: cert-manager.io/v1
                        kind: ClusterIssuer
                        metadata: {name: kubeflow-self-signing-issuer, namespace: kubeflow}
                        spec: {selfSigned: {}}
                        """, Scope.UNKNOWN, "kubeflow"), object("""
                        apiVersion: cert-manager.io/v1
                        kind: Certificate
                        metadata: {name: katib-webhook-cert}
                        spec: {secretName: katib-webhook-cert}
                        """, Scope.UNKNOWN, "kubeflow")),
                List.of());

        Adoption a = compare(app);

        assertThat(a.apps().get(0).adopted())
                .containsExactly(
                        ResourceId.of("cert-manager.io", "Certificate", "kubeflow", "katib-webhook-cert"),
                        ResourceId.of("cert-manager.io", "ClusterIssuer", null, "kubeflow-self-signing-issuer"));
        assertThat(a.unmanaged()).isEmpty();
    }

    @Test
    void systemWideIgnoreDifferencesOfTheLiveArgocdCmAreHonoured() {
        String desired = """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: inferenceservice.serving.kserve.io}
                webhooks:
                  - name: inferenceservice.kserve-webhook-server.defaulter
                    clientConfig: {caBundle: Cg==, service: {name: kserve-webhook-server-service, namespace: kubeflow}}
                """;
        mock.create(desired.replace("Cg==", "LS0tLS1CRUdJTg=="));
        DesiredApp app =
                new DesiredApp("kserve", "kubeflow", null, List.of(object(desired, Scope.CLUSTER, null)), List.of());
        assertThat(compare(app).apps().get(0).changed()).hasSize(1);

        mock.create(new ConfigMapBuilder()
                .withNewMetadata()
                .withName("argocd-cm")
                .withNamespace("argocd")
                .endMetadata()
                .addToData(
                        "resource.customizations.ignoreDifferences."
                                + "admissionregistration.k8s.io_MutatingWebhookConfiguration",
                        "jqPathExpressions:\n- .webhooks[]?.clientConfig.caBundle\n")
                .build());
        assertThat(compare(app).apps().get(0).adopted()).hasSize(1);
    }

    @Test
    void argoCdsOwnAnnotationsOnTheSourceAreNoChange() {
        mock.create("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: profiles.kubeflow.org}
                spec:
                  group: kubeflow.org
                  scope: Cluster
                  names: {kind: Profile, plural: profiles}
                  versions: [{name: v1, served: true, storage: true}]
                """);
        DesiredApp app =
                new DesiredApp("profiles", "kubeflow", null, List.of(object("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: profiles.kubeflow.org
                  annotations: {argocd.argoproj.io/sync-options: "Prune=false,Delete=false"}
                spec:
                  group: kubeflow.org
                  scope: Cluster
                  names: {kind: Profile, plural: profiles}
                  versions: [{name: v1, served: true, storage: true}]
                """, Scope.CLUSTER, null)), List.of());

        assertThat(compare(app).apps().get(0).adopted())
                .containsExactly(ResourceId.of(
                        "apiextensions.k8s.io", "CustomResourceDefinition", null, "profiles.kubeflow.org"));
    }

    @Test
    void objectsTheirOwnAppAlreadyTracksAreAdoptedOthersAreClaimed() {
        mock.create("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  namespace: kubeflow
                  annotations: {argocd.argoproj.io/tracking-id: "katib:/ConfigMap:kubeflow/a"}
                """);
        mock.create("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: b
                  namespace: kubeflow
                  annotations: {argocd.argoproj.io/tracking-id: "kubeflow-all:/ConfigMap:kubeflow/b"}
                """);
        DesiredApp app = new DesiredApp(
                "katib",
                "kubeflow",
                null,
                List.of(
                        object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", Scope.NAMESPACED, "kubeflow"),
                        object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", Scope.NAMESPACED, "kubeflow")),
                List.of());

        Adoption.AppAdoption r = compare(app).apps().get(0);

        assertThat(r.adopted()).containsExactly(ResourceId.of("", "ConfigMap", "kubeflow", "a"));
        assertThat(r.claimed())
                .singleElement()
                .satisfies(c -> assertThat(c.owner().name()).isEqualTo("kubeflow-all"));
    }

    @Test
    void onlyThePlatformsNamespacesAreLookedThroughAndAppsNotComparedOwnNothing() {
        mock.create("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: corp-proxy, namespace: kube-system}\n");
        mock.create("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: argocd-notes, namespace: argocd}\n");
        mock.create("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: grafana, namespace: monitoring}\n");
        mock.create("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: katib-config, namespace: kubeflow}\n");
        DesiredApp katib = new DesiredApp(
                "katib",
                "kubeflow",
                null,
                List.of(
                        object(
                                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: katib-config}\n",
                                Scope.NAMESPACED,
                                "kubeflow"),
                        object(
                                "apiVersion: rbac.authorization.k8s.io/v1\nkind: "
                                        + "Role\nmetadata: {name: leader, namespace: kube-system}\n",
                                Scope.NAMESPACED,
                                "kubeflow")),
                List.of());
        DesiredApp monitoring = new DesiredApp(
                "monitoring",
                "monitoring",
                "its source is a Helm chart, which kfboot does not render",
                List.of(),
                List.of());

        Adoption a = compare(katib, monitoring);

        assertThat(a.namespaces()).containsExactly("kubeflow");
        assertThat(a.unmanaged()).isEmpty();
        assertThat(a.apps().get(1).notCompared()).startsWith("its source is a Helm chart");
        assertThat(a.apps().get(0).missing())
                .containsExactly(ResourceId.of("rbac.authorization.k8s.io", "Role", "kube-system", "leader"));
    }

    @Test
    void withoutRightsToListAcrossNamespacesEachNamespaceIsListed() {
        mock.create("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: katib-config, namespace: kubeflow}\n");
        mock.create("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes, namespace: kubeflow}\n");
        mock.faults().fail("GET", "/api/v1/configmaps", 1, 403);
        DesiredApp katib = new DesiredApp(
                "katib",
                "kubeflow",
                null,
                List.of(object(
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: katib-config}\n",
                        Scope.NAMESPACED,
                        "kubeflow")),
                List.of());

        Adoption a = compare(katib);

        assertThat(mock.countRequests("GET", "/api/v1/namespaces/kubeflow/configmaps"))
                .isEqualTo(1);
        assertThat(a.apps().get(0).adopted()).hasSize(1);
        assertThat(a.unmanaged())
                .extracting(Adoption.Unmanaged::id)
                .containsExactly(ResourceId.of("", "ConfigMap", "kubeflow", "notes"));
    }

    @Test
    void whatKubernetesAndControllersMakeIsNotUnmanaged() {
        assertThat(ClusterMade.test(ResourceId.of("", "ConfigMap", "kubeflow", "kube-root-ca.crt"), Map.of()))
                .isTrue();
        assertThat(ClusterMade.test(ResourceId.of("", "ConfigMap", "kubeflow", "istio-ca-root-cert"), Map.of()))
                .isTrue();
        assertThat(ClusterMade.test(ResourceId.of("", "ServiceAccount", "kubeflow", "default"), Map.of()))
                .isTrue();
        assertThat(ClusterMade.test(
                        ResourceId.of("coordination.k8s.io", "Lease", "kubeflow", "katib-leader"), Map.of()))
                .isTrue();
        assertThat(ClusterMade.test(
                        ResourceId.of("apps", "ReplicaSet", "kubeflow", "katib-6d9f7"),
                        Map.of("metadata", Map.of("ownerReferences", List.of(Map.of("kind", "Deployment"))))))
                .isTrue();
        assertThat(ClusterMade.test(
                        ResourceId.of("", "Secret", "kubeflow", "default-token-x7k2p"),
                        Map.of(
                                "type",
                                "kubernetes.io/service-account-token",
                                "metadata",
                                Map.of("annotations", Map.of("kubernetes.io/service-account.name", "default")))))
                .isTrue();
        assertThat(ClusterMade.test(
                        ResourceId.of("", "Secret", "kubeflow", "katib-webhook-cert"),
                        Map.of(
                                "metadata",
                                Map.of(
                                        "annotations",
                                        Map.of("cert-manager.io/certificate-name", "katib-webhook-cert")))))
                .isTrue();

        assertThat(ClusterMade.test(ResourceId.of("", "ServiceAccount", "kubeflow", "katib-controller"), Map.of()))
                .isFalse();
        assertThat(ClusterMade.test(
                        ResourceId.of("", "Secret", "kubeflow", "ci-token"),
                        Map.of(
                                "type",
                                "kubernetes.io/service-account-token",
                                "metadata",
                                Map.of("annotations", Map.of("kubernetes.io/service-account.name", "ci")))))
                .isFalse();
        assertThat(ClusterMade.test(ResourceId.of("", "Pod", "kubeflow", "debug"), Map.of()))
                .isFalse();
    }

    @Test
    void argoNamespaceIsNeverThePlatforms() {
        DesiredApp a = new DesiredApp(
                "argocd-config",
                "argocd",
                null,
                List.of(object(
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: argocd-cm, namespace: argocd}\n",
                        Scope.NAMESPACED,
                        ArgoCd.NAMESPACE)),
                List.of());
        assertThat(Adopter.platformNamespaces(List.of(a), "argocd")).isEmpty();
    }
}
