package dev.kfboot.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kfboot.model.ResourceId;
import dev.kfboot.yaml.RenderedYaml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectReaderTest {

    private static Map<String, Object> doc(String yaml) {
        return RenderedYaml.parse(yaml).get(0);
    }

    private static KubeObject read(String yaml) {
        return ObjectReader.read(doc(yaml), "app", false);
    }

    @Test
    void readsIdentityAndComponent() {
        KubeObject o = read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ml-pipeline
                  namespace: kubeflow
                  labels: {app: ml-pipeline}
                """);

        assertThat(o.id()).isEqualTo(ResourceId.of("apps", "Deployment", "kubeflow", "ml-pipeline"));
        assertThat(o.id()).hasToString("-n kubeflow deployment.apps/ml-pipeline");
        assertThat(o.apiVersion()).isEqualTo("apps/v1");
        assertThat(o.component()).isEqualTo("app");
        assertThat(o.labels()).isEqualTo(Map.of("app", "ml-pipeline"));
        assertThat(o.body()).isNull();
    }

    @Test
    void keepsTheBodyOnlyWhenAsked() {
        Map<String, Object> d = doc("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                """);

        assertThat(ObjectReader.read(d, "app", true).body()).isSameAs(d);
    }

    @Test
    void readsCrdFactsIncludingAConversionWebhook() {
        KubeObject o = read("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: inferenceservices.serving.kserve.io
                spec:
                  group: serving.kserve.io
                  names:
                    kind: InferenceService
                    plural: inferenceservices
                  scope: Namespaced
                  conversion:
                    strategy: Webhook
                """);

        assertThat(o.crd())
                .isEqualTo(
                        new Crd("serving.kserve.io", "InferenceService", "inferenceservices", Scope.NAMESPACED, true));
        assertThat(o.isCrd()).isTrue();
    }

    @Test
    void clusterScopedCrdWithoutConversionWebhook() {
        KubeObject o = read("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: profiles.kubeflow.org
                spec:
                  group: kubeflow.org
                  names: {kind: Profile, plural: profiles}
                  scope: Cluster
                  conversion: {strategy: None}
                """);

        assertThat(o.crd().scope()).isEqualTo(Scope.CLUSTER);
        assertThat(o.crd().conversionWebhook()).isFalse();
    }

    @Test
    void readsWebhookRulesSelectorsServiceAndDefaultFailurePolicy() {
        KubeObject o = read("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata:
                  name: cert-manager-webhook
                webhooks:
                  - name: webhook.cert-manager.io
                    clientConfig:
                      service:
                        name: cert-manager-webhook
                        namespace: cert-manager
                    rules:
                      - apiGroups: [cert-manager.io, acme.cert-manager.io]
                        resources: ["*/*"]
                        operations: [CREATE, UPDATE]
                    namespaceSelector:
                      matchExpressions:
                        - key: cert-manager.io/disable-validation
                          operator: NotIn
                          values: ["true"]
                    objectSelector:
                      matchLabels: {team: a}
                """);

        assertThat(o.webhooks()).hasSize(1);
        Webhook w = o.webhooks().get(0);
        assertThat(w.name()).isEqualTo("webhook.cert-manager.io");
        assertThat(w.mutating()).isFalse();
        assertThat(w.failurePolicy()).isEqualTo("Fail");
        assertThat(w.failsClosed()).isTrue();
        assertThat(w.rules())
                .containsExactly(new Webhook.Rule(
                        List.of("cert-manager.io", "acme.cert-manager.io"),
                        List.of("*/*"),
                        List.of("CREATE", "UPDATE")));
        assertThat(w.interceptsCreate("cert-manager.io", "certificates")).isTrue();
        assertThat(w.interceptsCreate("", "pods")).isFalse();
        assertThat(w.namespaceSelector().matchExpressions())
                .containsExactly(
                        new LabelSelector.Requirement("cert-manager.io/disable-validation", "NotIn", List.of("true")));
        assertThat(w.objectSelector().matchLabels()).isEqualTo(Map.of("team", "a"));
        assertThat(w.service()).isEqualTo("cert-manager/cert-manager-webhook");
        assertThat(w.hasCaBundle()).isFalse();
    }

    @Test
    void mutatingWebhookWithCaBundleAndIgnorePolicy() {
        KubeObject o = read("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata:
                  name: hooks
                webhooks:
                  - name: one.example.com
                    failurePolicy: Ignore
                    clientConfig:
                      url: https://example.com/hook
                      caBundle: LS0tLS1CRUdJTg==
                    rules:
                      - apiGroups: [""]
                        resources: [pods]
                        operations: [CREATE]
                  - name: two.example.com
                    clientConfig:
                      caBundle: ""
                """);

        Webhook one = o.webhooks().get(0);
        assertThat(one.mutating()).isTrue();
        assertThat(one.failsClosed()).isFalse();
        assertThat(one.service()).isNull();
        assertThat(one.hasCaBundle()).isTrue();
        assertThat(one.namespaceSelector().isEverything()).isTrue();
        assertThat(o.webhooks().get(1).hasCaBundle())
                .as("an empty caBundle is no caBundle")
                .isFalse();
    }

    @Test
    void readsPodTemplateLabelsOfWorkloads() {
        KubeObject deployment = read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: kubeflow, labels: {tier: object}}
                spec:
                  template:
                    metadata:
                      labels: {app: d, sidecar.istio.io/inject: "false"}
                """);
        KubeObject cronJob = read("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: c, namespace: kubeflow}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        metadata:
                          labels: {job: nightly}
                """);
        KubeObject pod = read("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, labels: {run: p}}
                """);

        assertThat(deployment.podLabels()).isEqualTo(Map.of("app", "d", "sidecar.istio.io/inject", "false"));
        assertThat(deployment.createsPods()).isTrue();
        assertThat(cronJob.podLabels()).isEqualTo(Map.of("job", "nightly"));
        assertThat(pod.podLabels()).isEqualTo(Map.of("run", "p"));
    }

    @Test
    void workloadWithoutTemplateLabelsStillCreatesPods() {
        KubeObject job = read("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: j}
                spec: {template: {spec: {}}}
                """);

        assertThat(job.podLabels()).isEmpty();
        assertThat(job.createsPods()).isTrue();
    }

    @Test
    void nonWorkloadsAndLookalikeKindsCreateNoPods() {
        KubeObject service = read("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                """);
        KubeObject customDeployment = read("""
                apiVersion: example.com/v1
                kind: Deployment
                metadata: {name: x}
                spec: {template: {metadata: {labels: {a: b}}}}
                """);

        assertThat(service.podLabels()).isNull();
        assertThat(service.createsPods()).isFalse();
        assertThat(customDeployment.podLabels()).isNull();
    }

    @Test
    void secretKeysAreReadSortedButNeverValues() {
        KubeObject o = read("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: kubeflow}
                data:
                  zeta: c2VjcmV0
                  alpha: c2VjcmV0
                stringData:
                  middle: plain-text-password
                """);

        assertThat(o.secretKeys()).containsExactly("alpha", "middle", "zeta");
        assertThat(o.toString()).doesNotContain("plain-text-password").doesNotContain("c2VjcmV0");
    }

    @Test
    void keepsOnlyTheAnnotationsKfbootReads() {
        KubeObject o = read("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  annotations:
                    cert-manager.io/inject-ca-from: kubeflow/cert
                    argocd.argoproj.io/sync-wave: "2"
                    kubectl.kubernetes.io/last-applied-configuration: "{huge}"
                    description: anything
                """);

        assertThat(o.annotations())
                .isEqualTo(Map.of(
                        "cert-manager.io/inject-ca-from", "kubeflow/cert",
                        "argocd.argoproj.io/sync-wave", "2"));
    }

    @Test
    void sizeIsTheLengthOfTheObjectAsCompactJson() throws Exception {
        Map<String, Object> d = doc("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                data:
                  key: "välue"
                """);

        KubeObject o = ObjectReader.read(d, "app", false);

        // {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"key":"välue"}} in UTF-8 bytes
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"key\":"
                + "\"välue\"}}";
        assertThat(o.size())
                .isEqualTo(json.getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(86);
        assertThat(o.size()).isEqualTo(new ObjectMapper().writeValueAsBytes(d).length);
    }

    @Test
    void withItsBodyKeptOnlyACrdIsMeasuredWhenReadAndAnyOtherObjectWhenAsked() throws Exception {
        Map<String, Object> cm = new LinkedHashMap<>(doc("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                """));
        Map<String, Object> crd = doc("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: things.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Thing, plural: things}
                """);

        KubeObject o = ObjectReader.read(cm, "app", true);
        assertThat(ObjectReader.read(crd, "app", true))
                .extracting(KubeObject::isCrd)
                .isEqualTo(true);
        assertThat(new KubeObject(
                                o.id(),
                                o.apiVersion(),
                                o.component(),
                                KubeObject.UNMEASURED,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                crd)
                        .size())
                .as("measured from the body when asked")
                .isEqualTo(new ObjectMapper().writeValueAsBytes(crd).length);
        cm.put("data", Map.of("k", "v")); // the body as it is when the size is asked, not when the object was read
        assertThat(o.size()).isEqualTo(new ObjectMapper().writeValueAsBytes(cm).length);
        assertThat(o.withoutBody().size()).as("facts keep the measured size").isEqualTo(o.size());
        Map<String, Object> grown = new LinkedHashMap<>(crd);
        KubeObject c = ObjectReader.read(grown, "app", true);
        grown.put("extra", "x".repeat(100));
        assertThat(c.size())
                .as("a CRD is measured when read")
                .isEqualTo(new ObjectMapper().writeValueAsBytes(crd).length);
    }

    @Test
    void missingKindIsNotAnObject() {
        assertThatThrownBy(() -> read("""
                apiVersion: v1
                metadata: {name: x}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Kubernetes object");
    }

    @Test
    void missingNameIsNotAnObject() {
        assertThatThrownBy(() -> read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {namespace: kubeflow}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata.name");
    }

    @Test
    void missingApiVersionIsNotAnObject() {
        assertThatThrownBy(() -> read("""
                kind: ConfigMap
                metadata: {name: c}
                """)).isInstanceOf(IllegalArgumentException.class);
    }
}
