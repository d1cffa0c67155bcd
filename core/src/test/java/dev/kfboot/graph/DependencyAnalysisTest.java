package dev.kfboot.graph;

import static dev.kfboot.graph.Manifests.edge;
import static dev.kfboot.graph.Manifests.hasEdge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Location;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DependencyAnalysisTest {

    static final String CERT_MANAGER = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: certificates.cert-manager.io}
            spec:
              group: cert-manager.io
              names: {kind: Certificate, plural: certificates}
              scope: Namespaced
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: clusterissuers.cert-manager.io}
            spec:
              group: cert-manager.io
              names: {kind: ClusterIssuer, plural: clusterissuers}
              scope: Cluster
            ---
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata: {name: kubeflow-self-signing-issuer}
            spec: {selfSigned: {}}
            """;

    static final String KUBEFLOW_NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: kubeflow
              labels: {istio-injection: enabled}
            """;

    static final String ISTIO_INJECTOR = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: istio-sidecar-injector}
            webhooks:
              - name: namespace.sidecar-injector.istio.io
                failurePolicy: %s
                clientConfig:
                  service: {name: istiod, namespace: istio-system}
                rules:
                  - apiGroups: [""]
                    resources: [pods]
                    operations: [CREATE]
                namespaceSelector:
                  matchExpressions:
                    - {key: istio-injection, operator: In, values: [enabled]}
                objectSelector:
                  matchExpressions:
                    - {key: sidecar.istio.io/inject, operator: NotIn, values: ["false"]}
            """;

    static String deployment(String name, String podLabels, String podAnnotations) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: kubeflow}
                spec:
                  template:
                    metadata:
                      labels: {%s}
                      annotations: {%s}
                """.formatted(name, podLabels, podAnnotations);
    }

    @Nested
    class CustomResources {

        @Test
        void customResourceNeedsTheComponentShippingItsCrd() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("cert-manager", "cert-manager", CERT_MANAGER)
                    .component("kserve", """
                            apiVersion: cert-manager.io/v1
                            kind: Certificate
                            metadata: {name: serving-cert, namespace: kubeflow}
                            """)
                    .analyze();

            Dependency d = edge(r, "kserve", "cert-manager");
            assertThat(d.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.kind()).isEqualTo(Reason.Kind.CRD);
                assertThat(reason.text())
                        .isEqualTo("creates Certificate.cert-manager.io (CRD certificates.cert-manager.io"
                                + " from cert-manager): -n kubeflow certificate.cert-manager.io/serving-cert");
            });
            assertThat(d.declaredOnly()).isFalse();
            assertThat(r.graph().dependenciesOf("cert-manager")).isEmpty();
            assertThat(r.findings()).isEmpty();
        }

        @Test
        void customResourceOfItsOwnCrdIsAnInternalOrderingNotASelfEdge() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("cert-manager", "cert-manager", CERT_MANAGER)
                    .analyze();

            assertThat(r.graph().edges()).isEmpty();
            assertThat(r.internal())
                    .containsExactly(new InternalOrdering(
                            "cert-manager",
                            ResourceId.of("cert-manager.io", "ClusterIssuer", null, "kubeflow-self-signing-issuer"),
                            Reason.Kind.CRD,
                            "the CRD clusterissuers.cert-manager.io from the same app"));
        }

        @Test
        void customKindWithoutAnyCrdIsAnUnknownKindFinding() {
            DependencyAnalysis.Result r =
                    new Manifests().component("pipelines", """
                            apiVersion: argoproj.io/v1alpha1
                            kind: WorkflowTemplate
                            metadata: {name: b, namespace: kubeflow}
                            ---
                            apiVersion: argoproj.io/v1alpha1
                            kind: WorkflowTemplate
                            metadata: {name: a, namespace: kubeflow}
                            """).analyze();

            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("unknown-kind");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.app()).isEqualTo("pipelines");
                assertThat(f.message())
                        .isEqualTo("creates WorkflowTemplate.argoproj.io objects, but no app of "
                                + "the platform ships their CRD");
                assertThat(f.resource()).isEqualTo("-n kubeflow workflowtemplate.argoproj.io/b");
            });
            assertThat(r.graph().edges()).isEmpty();
        }

        @Test
        void builtinKindsNeedNoCrd() {
            DependencyAnalysis.Result r =
                    new Manifests().component("dex", "auth", """
                            apiVersion: apps/v1
                            kind: Deployment
                            metadata: {name: dex, namespace: auth}
                            ---
                            apiVersion: rbac.authorization.k8s.io/v1
                            kind: ClusterRole
                            metadata: {name: dex}
                            """).analyze();

            assertThat(r.findings()).isEmpty();
            assertThat(r.graph().edges()).isEmpty();
        }
    }

    @Nested
    class Namespaces {

        @Test
        void objectsInANamespaceNeedItsCreator() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("kubeflow-namespace", KUBEFLOW_NAMESPACE)
                    .component("pipelines", """
                            apiVersion: v1
                            kind: ConfigMap
                            metadata: {name: pipeline-install-config, namespace: kubeflow}
                            """)
                    .analyze();

            assertThat(edge(r, "pipelines", "kubeflow-namespace").reasons())
                    .singleElement()
                    .satisfies(reason -> {
                        assertThat(reason.kind()).isEqualTo(Reason.Kind.NAMESPACE);
                        assertThat(reason.text())
                                .isEqualTo("puts objects into namespace kubeflow, which kubeflow-namespace"
                                        + " creates: -n kubeflow configmap/pipeline-install-config");
                    });
        }

        @Test
        void objectWithoutNamespaceNeedsTheCreatorOfItsDestinationNamespace() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("kubeflow-namespace", KUBEFLOW_NAMESPACE)
                    .component("model-registry", "kubeflow", """
                            apiVersion: v1
                            kind: Service
                            metadata: {name: model-registry-service}
                            """)
                    .analyze();

            assertThat(hasEdge(r, "model-registry", "kubeflow-namespace")).isTrue();
        }

        @Test
        void builtinNamespacesAndClusterScopedObjectsNeedNobody() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("kube-things", "kube-system", """
                            apiVersion: v1
                            kind: Namespace
                            metadata: {name: kube-system}
                            """)
                    .component("cert-manager", "cert-manager", """
                            apiVersion: rbac.authorization.k8s.io/v1
                            kind: Role
                            metadata: {name: leader-election, namespace: kube-system}
                            ---
                            apiVersion: rbac.authorization.k8s.io/v1
                            kind: ClusterRole
                            metadata: {name: cert-manager, namespace: kubeflow}
                            """)
                    .component("kubeflow-namespace", KUBEFLOW_NAMESPACE)
                    .analyze();

            assertThat(r.graph().edges()).isEmpty();
        }

        @Test
        void evidenceIsFoldedIntoOneReasonWithTheSmallestIdAsExample() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("kubeflow-namespace", KUBEFLOW_NAMESPACE)
                    .component("katib", """
                            apiVersion: v1
                            kind: ServiceAccount
                            metadata: {name: katib-controller, namespace: kubeflow}
                            ---
                            apiVersion: v1
                            kind: ConfigMap
                            metadata: {name: katib-config, namespace: kubeflow}
                            ---
                            apiVersion: v1
                            kind: ConfigMap
                            metadata: {name: b-config, namespace: kubeflow}
                            """)
                    .analyze();

            assertThat(edge(r, "katib", "kubeflow-namespace").reasons())
                    .singleElement()
                    .extracting(Reason::text)
                    .isEqualTo("puts objects into namespace kubeflow, which kubeflow-namespace"
                            + " creates: -n kubeflow configmap/b-config and 2 more objects");
        }
    }

    @Nested
    class Webhooks {

        private Manifests platform(String failurePolicy, String dashboard) {
            return new Manifests()
                    .component("kubeflow-namespace", KUBEFLOW_NAMESPACE)
                    .component("istio-install", "istio-system", ISTIO_INJECTOR.formatted(failurePolicy))
                    .component("centraldashboard", dashboard);
        }

        @Test
        void failClosedInjectorInterceptsPodsInLabelledNamespaces() {
            DependencyAnalysis.Result r = platform("Fail", deployment("centraldashboard", "app: centraldashboard", ""))
                    .analyze();

            assertThat(edge(r, "centraldashboard", "istio-install").reasons())
                    .singleElement()
                    .satisfies(reason -> {
                        assertThat(reason.kind()).isEqualTo(Reason.Kind.WEBHOOK);
                        assertThat(reason.text())
                                .contains("namespace.sidecar-injector.istio.io of"
                                        + " mutatingwebhookconfiguration.admissionregistration.k8s.io/"
                                        + "istio-sidecar-injector")
                                .contains("(failurePolicy Fail)")
                                .endsWith("intercepts the pods of -n kubeflow deployment.apps/centraldashboard");
                    });
        }

        @Test
        void podTemplateLabelInjectFalseIsSkippedByTheObjectSelector() {
            DependencyAnalysis.Result r = platform(
                            "Fail",
                            deployment(
                                    "centraldashboard",
                                    "app: centraldashboard, sidecar.istio.io/inject: \"false\"",
                                    ""))
                    .analyze();

            assertThat(hasEdge(r, "centraldashboard", "istio-install")).isFalse();
            assertThat(hasEdge(r, "centraldashboard", "kubeflow-namespace")).isTrue();
        }

        @Test
        void injectFalseAsAnAnnotationOnlyDoesNotStopTheWebhookCall() {
            DependencyAnalysis.Result r = platform(
                            "Fail",
                            deployment(
                                    "centraldashboard", "app: centraldashboard", "sidecar.istio.io/inject: \"false\""))
                    .analyze();

            assertThat(hasEdge(r, "centraldashboard", "istio-install")).isTrue();
        }

        @Test
        void failOpenWebhookOrdersNothing() {
            DependencyAnalysis.Result r = platform(
                            "Ignore", deployment("centraldashboard", "app: centraldashboard", ""))
                    .analyze();

            assertThat(hasEdge(r, "centraldashboard", "istio-install")).isFalse();
        }

        @Test
        void namespaceWithoutTheInjectionLabelIsNotIntercepted() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("kubeflow-namespace", """
                            apiVersion: v1
                            kind: Namespace
                            metadata: {name: kubeflow}
                            """)
                    .component("istio-install", "istio-system", ISTIO_INJECTOR.formatted("Fail"))
                    .component("centraldashboard", deployment("centraldashboard", "app: c", ""))
                    .analyze();

            assertThat(hasEdge(r, "centraldashboard", "istio-install")).isFalse();
        }

        @Test
        void validatingWebhookOnCustomResourcesInterceptsThoseObjects() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("cert-manager", "cert-manager", CERT_MANAGER + """
                            ---
                            apiVersion: admissionregistration.k8s.io/v1
                            kind: ValidatingWebhookConfiguration
                            metadata: {name: cert-manager-webhook}
                            webhooks:
                              - name: webhook.cert-manager.io
                                rules:
                                  - apiGroups: [cert-manager.io]
                                    resources: ["*/*"]
                                    operations: [CREATE, UPDATE]
                            """)
                    .component("katib", """
                            apiVersion: cert-manager.io/v1
                            kind: Certificate
                            metadata: {name: katib-webhook-cert, namespace: kubeflow}
                            """)
                    .analyze();

            assertThat(edge(r, "katib", "cert-manager").reasons())
                    .extracting(Reason::kind)
                    .containsExactly(Reason.Kind.CRD, Reason.Kind.WEBHOOK);
            assertThat(r.internal())
                    .extracting(InternalOrdering::kind)
                    .containsExactly(Reason.Kind.CRD, Reason.Kind.WEBHOOK);
        }
    }

    @Nested
    class CaInjection {

        private static final String ANNOTATED_WEBHOOK = """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata:
                  name: admission-webhook-mutating-webhook-configuration
                  annotations:
                    cert-manager.io/inject-ca-from: kubeflow/admission-webhook-cert
                webhooks: []
                """;

        @Test
        void injectedCaBundleNeedsTheComponentShippingTheCertificateCrd() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("cert-manager", "cert-manager", CERT_MANAGER)
                    .component("admission-webhook", ANNOTATED_WEBHOOK)
                    .analyze();

            assertThat(edge(r, "admission-webhook", "cert-manager").reasons())
                    .singleElement()
                    .satisfies(reason -> {
                        assertThat(reason.kind()).isEqualTo(Reason.Kind.CA_INJECTION);
                        assertThat(reason.text())
                                .isEqualTo("caBundle of mutatingwebhookconfiguration.admissionregistration.k8s.io/"
                                        + "admission-webhook-mutating-webhook-configuration is "
                                        + "injected by cert-manager's cainjector"
                                        + " (cert-manager.io/inject-ca-from)");
                    });
        }

        @Test
        void injectedCaBundleWithoutCertManagerIsAFinding() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("admission-webhook", ANNOTATED_WEBHOOK)
                    .analyze();

            assertThat(r.graph().edges()).isEmpty();
            assertThat(r.findings())
                    .extracting(Finding::rule, Finding::severity, Finding::app)
                    .containsExactly(Tuple.tuple("missing-component", Severity.ERROR, "admission-webhook"));
        }
    }

    @Nested
    class DeclaredEdges {

        @Test
        void declaredEdgesBetweenNodesAreKeptWithTheirLocation() {
            Location spec = new Location("platform.yaml", 12);
            DependencyAnalysis.Result r = new Manifests()
                    .empty("kserve")
                    .empty("knative-serving")
                    .analyze(new DeclaredEdge(
                            "kserve", "knative-serving", Reason.Kind.SPEC, "declared in platform.yaml:12", spec));

            Dependency d = edge(r, "kserve", "knative-serving");
            assertThat(d.declaredOnly()).isTrue();
            assertThat(d.reasons())
                    .extracting(Reason::kind, Reason::text, Reason::location)
                    .containsExactly(Tuple.tuple(Reason.Kind.SPEC, "declared in platform.yaml:12", spec));
        }

        @Test
        void declaredEdgesToAppsOutsideThePlatformAreDropped() {
            DependencyAnalysis.Result r = new Manifests()
                    .empty("user-namespace")
                    .empty("pipelines")
                    .analyze(
                            new DeclaredEdge(
                                    "user-namespace", "katib", Reason.Kind.DECLARED, "katib selects", Location.NONE),
                            new DeclaredEdge("katib", "pipelines", Reason.Kind.DECLARED, "reverse", Location.NONE),
                            new DeclaredEdge(
                                    "user-namespace", "pipelines", Reason.Kind.DECLARED, "kfp", Location.NONE));

            assertThat(r.graph().nodes()).containsExactly("pipelines", "user-namespace");
            assertThat(r.graph().edges())
                    .extracting(Dependency::component, Dependency::dependsOn)
                    .containsExactly(Tuple.tuple("user-namespace", "pipelines"));
        }

        @Test
        void componentsThatRenderNothingAreStillNodes() {
            DependencyAnalysis.Result r = new Manifests()
                    .component("kubeflow-namespace", KUBEFLOW_NAMESPACE)
                    .empty("placeholder")
                    .analyze();

            assertThat(r.graph().nodes()).containsExactly("kubeflow-namespace", "placeholder");
        }
    }
}
