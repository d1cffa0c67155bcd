package dev.kfboot.validate.rules;

import static dev.kfboot.validate.rules.OrderingFixtures.CERT_MANAGER;
import static dev.kfboot.validate.rules.OrderingFixtures.KATIB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import dev.kfboot.validate.Validation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Applications an ApplicationSet with a RollingSync strategy generates are ordered by its steps (what kfboot
 * generate --applicationset writes), not by the sync waves of the app of apps that holds the set.
 */
class RollingSyncOrderTest {

    @TempDir
    Path repo;

    private static final String SET = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata: {name: fleet, namespace: argocd}
            spec:
              goTemplate: true
              generators:
                - list:
                    elements:
                      - {name: cert-manager, path: apps/cert-manager, namespace: cert-manager, step: '%s',
                         syncOptions: [CreateNamespace=true]}
                      - {name: katib, path: apps/katib, namespace: kubeflow, step: '%s',
                         syncOptions: [CreateNamespace=true]}
              strategy:
                type: RollingSync
                rollingSync:
                  steps:
                    - matchExpressions: [{key: step, operator: In, values: ['0']}]
                    - matchExpressions: [{key: step, operator: In, values: ['1']}]
              template:
                metadata:
                  name: '{{.name}}'
                  namespace: argocd
                  labels: {step: '{{.step}}'}
                spec:
                  project: platform
                  source: {repoURL: %s, targetRevision: main, path: '{{.path}}'}
                  destination: {server: https://kubernetes.default.svc, namespace: '{{.namespace}}'}
              templatePatch: |
                {{- if .name }}
                metadata:
                  labels:
                    patched: {{ .name | quote }}
                {{- end }}
                spec:
                  syncPolicy:
                    syncOptions: {{ toJson .syncOptions }}
            """;

    private TreeFixture tree(String certManagerStep, String katibStep) {
        return new TreeFixture(repo)
                .root()
                .file("tree/apps/fleet.yaml", SET.formatted(certManagerStep, katibStep, TreeFixture.REPO))
                .component("apps/cert-manager", CERT_MANAGER)
                .component("apps/katib", KATIB);
    }

    @Test
    void theCrdInAnEarlierStepPassesAndNoSyncWaveIsAskedFor() {
        TreeFixture t = tree("0", "1");

        assertThat(t.findings(new CrdOrder())).isEmpty();
        assertThat(t.findings(new MissingSyncWave())).isEmpty();
        assertThat(t.findings(new AppHealthCheckMissing())).isEmpty();
    }

    @Test
    void aCustomResourceInTheSameStepAsItsCrdIsAnErrorNamingTheStep() {
        assertThat(tree("1", "1").findings(new CrdOrder())).singleElement().satisfies(x -> {
            assertThat(x.app()).isEqualTo("katib");
            assertThat(x.message()).contains("both sync in step 1 of ApplicationSet fleet's rolling sync");
        });
        assertThat(tree("1", "0").findings(new CrdOrder()))
                .singleElement()
                .satisfies(x -> assertThat(x.message())
                        .contains("it syncs in step 0 of ApplicationSet fleet's rolling sync, before cert-manager"
                                + " (step 1)"));
    }

    @Test
    void anAppNoStepSelectsIsUnordered() {
        assertThat(tree("0", "7").findings(new CrdOrder()))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("nothing in the tree orders it after cert-manager"));
    }

    @Test
    void theTemplatePatchIsFilledInAndMergedIntoEachGeneratedApp() {
        Validation v = tree("0", "1").validate(Rules.all());

        assertThat(v.context().app("katib").app().syncPolicy().syncOptions()).containsExactly("CreateNamespace=true");
        assertThat(v.context().app("katib").app().labels())
                .containsEntry("step", "1")
                .containsEntry("patched", "katib");
        assertThat(v.findings()).extracting(Finding::rule).doesNotContain("unverified");
    }

    @Test
    void aTemplatePatchKfbootCannotEvaluateIsSaidOnce() {
        TreeFixture t = tree("0", "1");
        t.file(
                "tree/apps/fleet.yaml",
                SET.formatted("0", "1", TreeFixture.REPO).replace("{{- if .name }}", "{{- with .name }}"));
        List<Finding> notes = t.findings("unverified");

        assertThat(notes).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.location().toString()).isEqualTo("tree/apps/fleet.yaml:28");
            assertThat(x.message())
                    .startsWith("ApplicationSet fleet's templatePatch is not applied (its template uses {{with .name}}")
                    .endsWith("what it sets on the 2 Applications it generates (sync options, ignoreDifferences,"
                            + " labels) is not part of the checks");
        });
    }
}
