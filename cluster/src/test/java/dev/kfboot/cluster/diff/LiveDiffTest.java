package dev.kfboot.cluster.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.model.ResourceId;
import dev.kfboot.yaml.RenderedYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Desired against live, the way Argo CD judges it. */
class LiveDiffTest {

    static Map<String, Object> yaml(String s) {
        return RenderedYaml.parse(s).get(0);
    }

    static final ResourceId WEBHOOK = ResourceId.of(
            "admissionregistration.k8s.io", "MutatingWebhookConfiguration", null, "inferenceservice.serving.kserve.io");

    static final String DESIRED = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: inferenceservice.serving.kserve.io}
            webhooks:
              - name: inferenceservice.kserve-webhook-server.defaulter
                clientConfig: {service: {name: kserve-webhook-server-service, namespace: kubeflow}}
            """;

    /** What the API server holds: defaults, bookkeeping and the caBundle cert-manager injected. */
    static final String LIVE = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: inferenceservice.serving.kserve.io
              uid: 3f1c
              resourceVersion: "8812"
              generation: 2
              annotations: {argocd.argoproj.io/tracking-id: \
            "kserve:admissionregistration.k8s.io/MutatingWebhookConfiguration:/x"}
            webhooks:
              - name: inferenceservice.kserve-webhook-server.defaulter
                clientConfig:
                  service: {name: kserve-webhook-server-service, namespace: kubeflow, port: 443}
                  caBundle: LS0tLS1CRUdJTg==
                timeoutSeconds: 10
                failurePolicy: Fail
            """;

    @Test
    void defaultsBookkeepingAndInjectedFieldsTheDesiredStateDoesNotSetAreNoDifference() {
        var r = LiveDiff.compare(Map.of(WEBHOOK, yaml(DESIRED)), Map.of(WEBHOOK, yaml(LIVE)), List.of(), List.of());
        assertThat(r.same()).isTrue();
    }

    @Test
    void aFieldTheLiveObjectHoldsOtherwiseIsADifferenceUnlessIgnored() {
        Map<String, Object> desired =
                yaml(DESIRED.replace("namespace: kubeflow}}", "namespace: kubeflow}, caBundle: Cg==}"));

        var r = LiveDiff.compare(Map.of(WEBHOOK, desired), Map.of(WEBHOOK, yaml(LIVE)), List.of(), List.of());
        assertThat(r.diffs()).singleElement().satisfies(d -> {
            assertThat(d.change()).isEqualTo(ObjectDiff.Change.CHANGED);
            assertThat(d.unified()).contains("-      caBundle: LS0tLS1CRUdJTg==", "+      caBundle: Cg==");
        });

        IgnoreDifference jq = new IgnoreDifference(
                "admissionregistration.k8s.io",
                "MutatingWebhookConfiguration",
                null,
                null,
                List.of(),
                List.of(".webhooks[]?.clientConfig.caBundle"));
        assertThat(LiveDiff.compare(Map.of(WEBHOOK, desired), Map.of(WEBHOOK, yaml(LIVE)), List.of(), List.of(jq))
                        .same())
                .isTrue();
        IgnoreDifference pointer = new IgnoreDifference(
                "admissionregistration.k8s.io",
                "MutatingWebhookConfiguration",
                "inferenceservice.serving.kserve.io",
                null,
                List.of("/webhooks/0/clientConfig/caBundle"),
                List.of());
        assertThat(LiveDiff.compare(Map.of(WEBHOOK, desired), Map.of(WEBHOOK, yaml(LIVE)), List.of(), List.of(pointer))
                        .same())
                .isTrue();
        IgnoreDifference otherName = new IgnoreDifference(
                "admissionregistration.k8s.io",
                "MutatingWebhookConfiguration",
                "other",
                null,
                List.of("/webhooks/0/clientConfig/caBundle"),
                List.of());
        assertThat(LiveDiff.compare(
                                Map.of(WEBHOOK, desired), Map.of(WEBHOOK, yaml(LIVE)), List.of(), List.of(otherName))
                        .same())
                .isFalse();
    }

    @Test
    void jqPathsKfbootUnderstandsAndOnesItReports() {
        assertThat(FieldPaths.parseJq(".webhooks[]?.clientConfig.caBundle"))
                .containsExactly("webhooks", "[]", "clientConfig", "caBundle");
        assertThat(FieldPaths.parseJq(".spec.template.spec.containers[0].image"))
                .containsExactly("spec", "template", "spec", "containers", "0", "image");
        assertThat(FieldPaths.parseJq(".metadata.annotations[\"a/b\"]"))
                .containsExactly("metadata", "annotations", "a/b");
        assertThat(FieldPaths.parseJq(".spec | del(.x)")).isNull();
        Map<String, Object> o = new LinkedHashMap<>(Map.of(
                "metadata",
                new LinkedHashMap<>(Map.of("annotations", new LinkedHashMap<>(Map.of("a/b", "1", "c~d", "2"))))));
        FieldPaths.removePointer(o, "/metadata/annotations/a~1b");
        FieldPaths.removePointer(o, "/metadata/annotations/c~0d");
        assertThat(o).isEqualTo(Map.of("metadata", Map.of("annotations", Map.of())));

        var r = LiveDiff.compare(
                Map.of(WEBHOOK, yaml(DESIRED)),
                Map.of(WEBHOOK, yaml(LIVE)),
                List.of(),
                List.of(new IgnoreDifference(
                        "admissionregistration.k8s.io",
                        "MutatingWebhookConfiguration",
                        null,
                        null,
                        List.of(),
                        List.of(".webhooks | map(.x)"))));
        assertThat(r.notUnderstood()).containsExactly(".webhooks | map(.x)");
    }

    @Test
    void missingAndExtraObjects() {
        ResourceId svc = ResourceId.of("", "Service", "kubeflow", "katib-ui");
        ResourceId old = ResourceId.of("apps", "Deployment", "kubeflow", "katib-db-manager");

        var r = LiveDiff.compare(
                Map.of(svc, yaml("apiVersion: v1\nkind: Service\nmetadata: {name: katib-ui}\n")),
                Map.of(),
                List.of(svc, old),
                List.of());

        assertThat(r.diffs())
                .extracting(ObjectDiff::id, ObjectDiff::change)
                .containsExactly(
                        Tuple.tuple(svc, ObjectDiff.Change.MISSING), Tuple.tuple(old, ObjectDiff.Change.EXTRA));
    }

    @Test
    void namespacedObjectsWithoutANamespaceLandInTheAppsDestination() {
        var crd = yaml("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: experiments.kubeflow.org}
                spec: {group: kubeflow.org, scope: Namespaced, names: {kind: Experiment, plural: experiments}}
                """);
        var scopes = LiveDiff.crdScopes(List.of(crd));
        assertThat(LiveDiff.idOf(
                        yaml("apiVersion: kubeflow.org/v1beta1\nkind: Experiment\nmetadata: {name: e}\n"),
                        "kubeflow",
                        scopes))
                .hasToString("-n kubeflow experiment.kubeflow.org/e");
        assertThat(LiveDiff.idOf(
                        yaml("apiVersion: rbac.authorization.k8s.io/v1\nkind: "
                                + "ClusterRole\nmetadata: {name: r, namespace: x}\n"),
                        "kubeflow",
                        scopes))
                .hasToString("clusterrole.rbac.authorization.k8s.io/r");
    }

    @Test
    void secretValuesNeverReachADiffOnlyTheKeysThatDiffer() {
        ResourceId id = ResourceId.of("", "Secret", "kubeflow", "mysql-secret");
        Map<String, Object> desired = yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: mysql-secret, namespace: kubeflow}
                stringData: {username: root, password: hunter2}
                data: {token: c2FtZQ==}
                """);
        Map<String, Object> live = yaml("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: mysql-secret
                  namespace: kubeflow
                  annotations: {kubectl.kubernetes.io/last-applied-configuration: \
                '{"stringData":{"password":"s3cret-live"}}'}
                type: Opaque
                data: {username: cm9vdA==, password: czNjcmV0LWxpdmU=, token: c2FtZQ==, extra: ZXh0cmE=}
                """);

        var r = LiveDiff.compare(Map.of(id, desired), Map.of(id, live), List.of(), List.of());

        assertThat(r.diffs()).singleElement().satisfies(d -> {
            assertThat(d.unified())
                    .contains(
                            "-  password: (secret value, as in the cluster)",
                            "+  password: (secret value, as in the source)")
                    .contains("   username: (secret value)")
                    .doesNotContain("hunter2", "aHVudGVyMg", "czNjcmV0", "s3cret", "cm9vdA", "c2FtZQ", "ZXh0cmE");
        });
        Map<String, Object> sameDesired = yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: mysql-secret, namespace: kubeflow}
                stringData: {username: root}
                """);
        assertThat(LiveDiff.compare(Map.of(id, sameDesired), Map.of(id, live), List.of(), List.of())
                        .same())
                .isTrue();
    }
}
