package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectedFieldDriftTest {

    static final String WEBHOOKS = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: katib.kubeflow.org
              annotations:
                cert-manager.io/inject-ca-from: kubeflow/katib-webhook-cert
            webhooks:
              - name: defaulter.experiment.katib.kubeflow.org
                clientConfig: {caBundle: "", service: {namespace: kubeflow, name: katib-controller}}
              - name: mutator.pod.katib.kubeflow.org
                clientConfig: {caBundle: "", service: {namespace: kubeflow, name: katib-controller}}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: pvcviewers.kubeflow.org
            spec:
              group: kubeflow.org
              names: {kind: PVCViewer, plural: pvcviewers}
              scope: Namespaced
              conversion:
                strategy: Webhook
                webhook:
                  clientConfig: {caBundle: Cg==, service: {namespace: kubeflow, name: pvcviewer-webhook}}
            """;

    /** argocd-cm's old-style customizations, ignoring the clientConfig of CRDs' conversion webhooks. */
    static final String OLD_STYLE_IGNORE = """
            resource.customizations: |
              apiextensions.k8s.io/CustomResourceDefinition:
                ignoreDifferences: |
                  jqPathExpressions:
                  - .spec.conversion.webhook.clientConfig
            """;

    /** The same objects as Kubeflow ships most of them: no caBundle in the manifest at all. */
    static final String ABSENT = WEBHOOKS.replace("caBundle: \"\", ", "").replace("caBundle: Cg==, ", "");

    @TempDir
    Path repo;

    @Test
    void injectedCaBundlesWithoutIgnoresAreAWarning() {
        // the seeds' ignoreDifferences covered the first webhook only
        TreeFixture t = new TreeFixture(repo)
                .root()
                .appWith("katib", 2, "apps/katib", "kubeflow", """
                  ignoreDifferences:
                    - group: admissionregistration.k8s.io
                      kind: MutatingWebhookConfiguration
                      jsonPointers: [/webhooks/0/clientConfig/caBundle]
                """)
                .component("apps/katib", WEBHOOKS);

        assertThat(t.findings(new InjectedFieldDrift())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.message())
                    .startsWith("2 fields filled in at runtime without ignoreDifferences: "
                            + "mutatingwebhookconfiguration.admissionregistration.k8s.io/katib.kubeflow.org "
                            + "(cert-manager's cainjector), "
                            + "customresourcedefinition.apiextensions.k8s.io/pvcviewers.kubeflow.org (its controller)");
        });
    }

    @Test
    void ignoresOnTheAppOrInArgocdCmPass() {
        TreeFixture t = katibIgnoring(".webhooks[]?.clientConfig.caBundle").file("tree/argocd-cm.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: argocd-cm, namespace: argocd}
                        data:
                          resource.customizations.ignoreDifferences.apiextensions.k8s.io_CustomResourceDefinition: |
                            jsonPointers:
                            - /spec/conversion/webhook/clientConfig/caBundle
                        """);

        assertThat(t.findings(new InjectedFieldDrift())).isEmpty();
    }

    @Test
    void aCaBundleTheManifestLeavesOutDoesNotDrift() {
        // Argo CD's diff compares only the fields the manifest sets (issue 16 cause 6)
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "apps/katib", "kubeflow")
                .component("apps/katib", ABSENT);

        assertThat(t.findings(new InjectedFieldDrift())).isEmpty();
    }

    @Test
    void aPlaceholderCaBundleWithInjectCaFromDrifts() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("kserve", 2, "apps/kserve", "kubeflow")
                .component("apps/kserve", """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata:
                  name: inferenceservice.serving.kserve.io
                  annotations:
                    cert-manager.io/inject-ca-from: kubeflow/serving-cert
                webhooks:
                  - name: inferenceservice.kserve-webhook-server.validator
                    clientConfig: {caBundle: Cg==, service: {namespace: kubeflow, name: kserve-webhook-server-service}}
                """);

        assertThat(t.findings(new InjectedFieldDrift()))
                .singleElement()
                .satisfies(x -> assertThat(x.message())
                        .contains("validatingwebhookconfiguration.admissionregistration.k8s.io/"
                                + "inferenceservice.serving.kserve.io (cert-manager's cainjector)"));
    }

    @Test
    void aJqPathCoversEverythingBelowItAndOldStyleArgocdCmCounts() {
        TreeFixture t = katibIgnoring(".webhooks[]?.clientConfig")
                .file("tree/argocd-cm.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: argocd-cm, namespace: argocd}
                        data:
                        """ + OLD_STYLE_IGNORE.indent(2));

        assertThat(t.findings(new InjectedFieldDrift())).isEmpty();
    }

    @Test
    void oldStyleCustomizationsInHelmValuesCountWithoutNamingArgoCd() {
        // the argo-cd chart's values: nothing in the file says "argo", only the settings' key
        TreeFixture t = katibIgnoring(".webhooks[]?.clientConfig")
                .file("tree/values.yaml", "configs:\n  cm:\n" + OLD_STYLE_IGNORE.indent(4));

        assertThat(t.findings(new InjectedFieldDrift())).isEmpty();
    }

    /** Katib's webhooks, the app ignoring the differences at one jq path of its MutatingWebhookConfiguration. */
    private TreeFixture katibIgnoring(String jqPath) {
        return new TreeFixture(repo)
                .root()
                .appWith("katib", 2, "apps/katib", "kubeflow", """
                  ignoreDifferences:
                    - group: admissionregistration.k8s.io
                      kind: MutatingWebhookConfiguration
                      jqPathExpressions: ['%s']
                """.formatted(jqPath))
                .component("apps/katib", WEBHOOKS);
    }
}
