package dev.kfboot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.inventory.KubeObject;
import dev.kfboot.inventory.LabelSelector;
import dev.kfboot.inventory.ObjectReader;
import dev.kfboot.inventory.Scope;
import dev.kfboot.inventory.Webhook;
import dev.kfboot.model.InputException;
import dev.kfboot.yaml.RenderedYaml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactsCodecTest {

    private static final String CERT_MANAGER = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: certificates.cert-manager.io
              labels: {app: cert-manager}
            spec:
              group: cert-manager.io
              names: {kind: Certificate, plural: certificates}
              scope: Namespaced
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
              annotations:
                cert-manager.io/inject-ca-from: cert-manager/serving-cert
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Cluster
              conversion:
                strategy: Webhook
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: istio-sidecar-injector
            webhooks:
              - name: namespace.sidecar-injector.istio.io
                failurePolicy: Fail
                clientConfig:
                  service: {namespace: istio-system, name: istiod}
                  caBundle: Zm9v
                rules:
                  - apiGroups: [""]
                    resources: [pods]
                    operations: [CREATE]
                namespaceSelector:
                  matchLabels: {istio-injection: enabled}
                objectSelector:
                  matchExpressions:
                    - {key: sidecar.istio.io/inject, operator: NotIn, values: ["false"]}
                    - {key: istio.io/rev, operator: DoesNotExist}
              - name: url.example.com
                failurePolicy: Ignore
                clientConfig:
                  url: https://hooks.example.com
                rules:
                  - apiGroups: ["*"]
                    resources: ["*"]
                    operations: ["*"]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: cert-manager
              namespace: cert-manager
            spec:
              template:
                metadata:
                  labels: {app: cert-manager, sidecar.istio.io/inject: "false"}
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
              namespace: cert-manager
            data:
              password: c2VjcmV0
            stringData:
              username: admin
            """;

    private static List<KubeObject> read(String component, String yaml) {
        List<KubeObject> out = new ArrayList<>();
        for (Map<String, Object> doc : RenderedYaml.parse(yaml)) out.add(ObjectReader.read(doc, component, false));
        return out;
    }

    private static ReleaseFacts facts(Map<String, Map<String, List<KubeObject>>> objects) {
        return new ReleaseFacts("26.03", "d68ebc7", "v5.5.0", objects, Map.of("pipelines", "ab12"));
    }

    private static ReleaseFacts roundTrip(ReleaseFacts facts) throws IOException {
        String text = FactsCodec.write(facts);
        return FactsCodec.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.facts.json");
    }

    private static List<KubeObject> sortedById(List<KubeObject> objects) {
        List<KubeObject> sorted = new ArrayList<>(objects);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        return sorted;
    }

    @Test
    void writeThenReadPreservesEveryFact() throws IOException {
        List<KubeObject> certManager = read("cert-manager", CERT_MANAGER);
        List<KubeObject> dex = read("dex", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: auth, labels: {istio-injection: enabled}}
                """);

        ReleaseFacts back = roundTrip(facts(Map.of(
                "cert-manager", Map.of("kubeflow", certManager),
                "dex", Map.of("oauth2-proxy", dex))));

        assertThat(back.release()).isEqualTo("26.03");
        assertThat(back.commit()).isEqualTo("d68ebc7");
        assertThat(back.kustomizeVersion()).isEqualTo("v5.5.0");
        assertThat(back.of("cert-manager", "kubeflow").orElseThrow()).isEqualTo(sortedById(certManager));
        assertThat(back.of("dex", "oauth2-proxy").orElseThrow()).isEqualTo(dex);
    }

    @Test
    void roundTripKeepsSelectorsCrdScopeAndSecretKeys() throws IOException {
        List<KubeObject> objects = read("cert-manager", CERT_MANAGER);

        List<KubeObject> back = roundTrip(facts(Map.of("cert-manager", Map.of("kubeflow", objects))))
                .of("cert-manager", "kubeflow")
                .orElseThrow();

        KubeObject widgets = back.stream()
                .filter(o -> o.id().name().equals("widgets.example.com"))
                .findFirst()
                .orElseThrow();
        assertThat(widgets.crd().scope()).isEqualTo(Scope.CLUSTER);
        assertThat(widgets.crd().conversionWebhook()).isTrue();
        assertThat(widgets.annotations()).containsEntry("cert-manager.io/inject-ca-from", "cert-manager/serving-cert");

        KubeObject injector =
                back.stream().filter(o -> !o.webhooks().isEmpty()).findFirst().orElseThrow();
        Webhook ns = injector.webhooks().get(0);
        assertThat(ns.namespaceSelector().matchLabels()).isEqualTo(Map.of("istio-injection", "enabled"));
        assertThat(ns.objectSelector().matchExpressions())
                .containsExactly(
                        new LabelSelector.Requirement("sidecar.istio.io/inject", "NotIn", List.of("false")),
                        new LabelSelector.Requirement("istio.io/rev", "DoesNotExist", List.of()));
        assertThat(ns.service()).isEqualTo("istio-system/istiod");
        assertThat(ns.hasCaBundle()).isTrue();
        Webhook url = injector.webhooks().get(1);
        assertThat(url.failurePolicy()).isEqualTo("Ignore");
        assertThat(url.service()).isNull();
        assertThat(url.namespaceSelector()).isEqualTo(LabelSelector.EVERYTHING);

        KubeObject deployment = back.stream()
                .filter(o -> o.id().kind().equals("Deployment"))
                .findFirst()
                .orElseThrow();
        assertThat(deployment.podLabels()).containsEntry("sidecar.istio.io/inject", "false");

        KubeObject secret = back.stream()
                .filter(o -> o.id().kind().equals("Secret"))
                .findFirst()
                .orElseThrow();
        assertThat(secret.secretKeys()).containsExactly("password", "username");
    }

    @Test
    void factsNeverHoldSecretValues() {
        String text =
                FactsCodec.write(facts(Map.of("cert-manager", Map.of("kubeflow", read("cert-manager", CERT_MANAGER)))));

        assertThat(text)
                .contains("\"secretKeys\":[\"password\",\"username\"]")
                .doesNotContain("c2VjcmV0")
                .doesNotContain("admin");
    }

    @Test
    void writeIsByteStableWhateverTheInputOrder() {
        List<KubeObject> objects = read("cert-manager", CERT_MANAGER);
        List<KubeObject> reversed = new ArrayList<>(objects);
        Collections.reverse(reversed);
        Map<String, Map<String, List<KubeObject>>> forward = new LinkedHashMap<>();
        forward.put("cert-manager", Map.of("kubeflow", objects));
        forward.put("a-first", Map.of("default", List.of()));
        Map<String, Map<String, List<KubeObject>>> backward = new LinkedHashMap<>();
        backward.put("a-first", Map.of("default", List.of()));
        backward.put("cert-manager", Map.of("kubeflow", reversed));

        String once = FactsCodec.write(facts(forward));

        assertThat(FactsCodec.write(facts(forward))).isEqualTo(once);
        assertThat(FactsCodec.write(facts(backward))).isEqualTo(once);
        assertThat(once.indexOf("\"a-first\"")).isLessThan(once.indexOf("\"cert-manager\""));
        assertThat(once).endsWith("}}\n");
    }

    @Test
    void writesOneObjectPerLineSortedById() {
        String text =
                FactsCodec.write(facts(Map.of("cert-manager", Map.of("kubeflow", read("cert-manager", CERT_MANAGER)))));

        List<String> objectLines =
                text.lines().filter(l -> l.startsWith("{\"apiVersion\"")).toList();
        assertThat(objectLines).hasSize(5);
        // ResourceId order: group first ("" < admissionregistration < apiextensions < apps)
        assertThat(objectLines.get(0)).contains("\"kind\":\"Secret\"");
        assertThat(objectLines.get(1)).contains("\"kind\":\"MutatingWebhookConfiguration\"");
        assertThat(objectLines.get(4)).contains("\"kind\":\"Deployment\"");
    }

    @Test
    void readOfInvalidJsonIsAnInputError() {
        assertThatThrownBy(() -> FactsCodec.read(
                        new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8)), "broken.facts.json"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("facts file is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"26.03", "v1.11.0"})
    void committedFactsRoundTripByteForByte(String release) throws IOException {
        // The committed file must be exactly what write produces, or a rescan would show a spurious diff.
        String committed;
        try (var in = Catalogs.class.getResourceAsStream("/dev/kfboot/catalog/" + release + ".facts.json")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ReleaseFacts read =
                FactsCodec.read(new ByteArrayInputStream(committed.getBytes(StandardCharsets.UTF_8)), release);

        assertThat(FactsCodec.write(read)).isEqualTo(committed);
    }
}
