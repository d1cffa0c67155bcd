package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppHealthCheckMissingTest {

    @TempDir
    Path repo;

    private TreeFixture waves() {
        return new TreeFixture(repo)
                .root()
                .app("cert-manager", 0, "apps/a", "cert-manager")
                .component("apps/a", "")
                .app("katib", 2, "apps/b", "kubeflow")
                .component("apps/b", "");
    }

    /** Argo CD's settings live outside the tree: the live argocd-cm may have the check, only preflight can tell. */
    @Test
    void wavesWithNoArgocdCmInTheTreeAreAWarningOnTheAppOfApps() {
        List<Finding> f = waves().findings(new AppHealthCheckMissing());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.app()).isEqualTo("root");
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.message())
                    .contains("2 sync waves [0, 2]")
                    .contains("the tree does not write argocd-cm")
                    .contains("resource.customizations.health.argoproj.io_Application");
            assertThat(x.hint()).contains("kfboot preflight");
        });
    }

    /** The tree writes argocd-cm itself (a ConfigMap, a patch naming it) without the check. */
    @ParameterizedTest
    @ValueSource(strings = {"""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: argocd-cm, namespace: argocd}
                data: {kustomize.buildOptions: --enable-helm}
                """, """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [https://raw.githubusercontent.com/argoproj/argo-cd/v3.1.0/manifests/install.yaml]
                patches:
                  - target: {kind: ConfigMap, name: argocd-cm}
                    patch: '[{"op": "add", "path": "/data/timeout.reconciliation", "value": "60s"}]'
                """})
    void wavesWithAnArgocdCmInTheTreeThatLacksTheCheckAreAnError(String settings) {
        List<Finding> f = waves().file("tree/argocd/settings.yaml", settings).findings(new AppHealthCheckMissing());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message())
                    .contains("2 sync waves [0, 2]")
                    .contains("the tree's argocd-cm (tree/argocd/settings.yaml:")
                    .contains("does not set the resource.customizations.health.argoproj.io_Application health check");
        });
    }

    /** An app of the tree installs Argo CD from its chart, with configs.cm values that lack the check. */
    @Test
    void theArgoCdChartsConfigsCmWithoutTheCheckIsAnError() {
        TreeFixture t = waves().file("tree/apps/argocd.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: argocd, namespace: argocd, annotations: {argocd.argoproj.io/sync-wave: "0"}}
                spec:
                  project: default
                  source:
                    repoURL: https://argoproj.github.io/argo-helm
                    chart: argo-cd
                    targetRevision: 8.1.0
                    helm:
                      valuesObject:
                        configs:
                          cm:
                            timeout.reconciliation: 60s
                  destination: {server: https://kubernetes.default.svc, namespace: argocd}
                """);

        assertThat(t.findings(new AppHealthCheckMissing())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("the tree's argocd-cm (tree/apps/argocd.yaml:12)");
        });
    }

    /** An app that deploys Argo CD renders argocd-cm, even one with no data at all (Argo CD's install manifest). */
    @Test
    void anArgocdCmThatAnAppRendersWithoutTheCheckIsAnError() {
        TreeFixture t = waves().app("argocd", 0, "apps/argocd", "argocd")
                .component("apps/argocd", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: argocd-cm}\n");

        assertThat(t.findings(new AppHealthCheckMissing())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("the tree's argocd-cm (tree/apps/argocd.yaml");
        });
    }

    @Test
    void theHealthCheckInAConfigMapPasses() {
        assertThat(waves().healthCheck().findings(new AppHealthCheckMissing())).isEmpty();
    }

    @Test
    void theHealthCheckInAJsonPatchOrHelmValuesPasses() {
        TreeFixture patch = waves().file("tree/argocd/patch.yaml", """
                - op: add
                  path: /data/resource.customizations.health.argoproj.io_Application
                  value: "hs = {} return hs"
                # argoproj.io
                """);
        assertThat(patch.findings(new AppHealthCheckMissing())).isEmpty();
    }

    @Test
    void aTreeWithOneWavePasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("cert-manager", 1, "apps/a", "cert-manager")
                .component("apps/a", "")
                .app("katib", 1, "apps/b", "kubeflow")
                .component("apps/b", "");

        assertThat(t.findings(new AppHealthCheckMissing())).isEmpty();
    }
}
