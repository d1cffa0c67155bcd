package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.rules.Rules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 causes 1, 2, 4 and 8: the tree is what Argo CD would reach from its root Applications. */
class ArgoReadingTest {

    static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  namespace: %s\n";

    @TempDir
    Path repo;

    private static Validation validate(TreeFixture t, Path dir, ValidateOptions options) {
        return new Validator(Catalogs.builtin(), t.renderer(), r -> {}, Rules.all())
                .validate(new ValidateRequest(dir, t.repo(), Map.of(), TreeFixture.options(), null, null)
                        .withOptions(options));
    }

    private static ValidateOptions local() {
        return ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO);
    }

    private static List<String> errors(Validation v) {
        return v.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::toText)
                .toList();
    }

    @Test
    void theObjectsAnAppOfAppsRendersItselfAreInTheInventory() {
        // cause 1: the root's kustomization lists the child Applications and the Namespace they use
        TreeFixture t = new TreeFixture(repo)
                .healthCheck()
                .file("tree/root.yaml", TreeFixture.application("root", null, "tree/apps", "argocd", new String[0], ""))
                .file("tree/apps/kustomization.yaml", "resources:\n- team-namespace.yaml\n- katib.yaml\n")
                .file("tree/apps/team-namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n")
                .app("katib", 1, "c/katib", "team")
                .component("c/katib", CM.formatted("katib", "team"));

        Validation v = validate(t, t.tree(), local());

        assertThat(v.context().inventory().of("root"))
                .extracting(e -> e.object().id().toString())
                .containsExactly("namespace/team");
        assertThat(v.parents()).isEqualTo(1);
        assertThat(errors(v)).isEmpty();
    }

    @Test
    void patchesAlternativesAndExcludedFilesAreNotApplications() {
        // cause 2: only what the kustomization lists; a patch of an Application is no Application
        TreeFixture t = new TreeFixture(repo)
                .healthCheck()
                .file("tree/root.yaml", TreeFixture.application("root", null, "tree/apps", "argocd", new String[0], ""))
                .file(
                        "tree/apps/kustomization.yaml",
                        "resources:\n- katib.yaml\n- ../more\npatches:\n- path: patch-katib.yaml\n")
                .file(
                        "tree/apps/patch-katib.yaml",
                        "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: katib\n"
                                + "spec:\n  source:\n    targetRevision: v2\n")
                .app("katib", 1, "c/katib", "kubeflow", "CreateNamespace=true")
                .component("c/katib", CM.formatted("katib", "kubeflow"))
                .file(
                        "tree/alternatives/istio-ambient.yaml",
                        TreeFixture.application("istio-ambient", 0, "c/none", "istio-system", new String[0], ""))
                // a directory source: subdirectories only with recurse, filtered by include/exclude
                .file("tree/more/kustomization.yaml", "resources:\n- set.yaml\n")
                .file("tree/more/set.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Application
                        metadata: {name: plain, namespace: argocd}
                        spec:
                          project: platform
                          source:
                            repoURL: %s
                            targetRevision: main
                            path: c/plain
                            directory:
                              recurse: true
                              include: '{*.yaml,nested/*.yaml}'
                              exclude: 'patch-*'
                          destination: {server: https://kubernetes.default.svc, namespace: kubeflow}
                          syncPolicy: {syncOptions: [CreateNamespace=true]}
                        """.formatted(TreeFixture.REPO))
                .file("c/plain/cm.yaml", CM.formatted("plain", "kubeflow"))
                .file("c/plain/patch-cm.yaml", "this: is not an object\n")
                .file("c/plain/nested/cm2.yaml", CM.formatted("plain-2", "kubeflow"))
                .file("c/plain/other/cm3.yaml", CM.formatted("plain-3", "kubeflow"));

        Validation v = validate(t, t.tree(), local());

        assertThat(v.context().apps()).extracting(TreeApp::id).containsExactlyInAnyOrder("root", "katib", "plain");
        assertThat(v.context().app("katib").app().sources().get(0).targetRevision())
                .isEqualTo("main");
        assertThat(v.context().inventory().of("plain"))
                .extracting(e -> e.object().id().name())
                .containsExactlyInAnyOrder("plain", "plain-2");
        assertThat(errors(v)).isEmpty();
    }

    @Test
    void applicationSetGeneratorsExpandOfflineOrAreUnverified() {
        // cause 4: git directories (Go template), git files ({{name}}), clusters from --cluster with a label selector
        TreeFixture t = new TreeFixture(repo)
                .healthCheck()
                .file("tree/root.yaml", TreeFixture.application("root", null, "tree/apps", "argocd", new String[0], ""))
                .component("c/apps/katib", CM.formatted("katib", "kubeflow"))
                .component("c/apps/kserve", CM.formatted("kserve", "kubeflow"))
                .file("c/teams/alpha.json", "{\"team\": \"alpha\", \"ns\": \"kubeflow\"}")
                .file("tree/apps/dirs.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: ApplicationSet
                        metadata: {name: dirs, namespace: argocd}
                        spec:
                          goTemplate: true
                          goTemplateOptions: ["missingkey=error"]
                          generators:
                            - matrix:
                                generators:
                                  - git:
                                      repoURL: %1$s
                                      revision: main
                                      directories: [{path: "c/apps/*"}]
                                  - clusters:
                                      selector: {matchLabels: {env: prod}}
                          template:
                            metadata:
                              name: '{{ .path.basename }}-{{ .name | lower }}'
                            spec:
                              project: platform
                              source: {repoURL: %1$s, targetRevision: main, path: '{{.path.path}}'}
                              destination: {server: '{{.server}}', namespace: kubeflow}
                              syncPolicy: {syncOptions: [CreateNamespace=true]}
                        ---
                        apiVersion: argoproj.io/v1alpha1
                        kind: ApplicationSet
                        metadata: {name: teams, namespace: argocd}
                        spec:
                          generators:
                            - git:
                                repoURL: %1$s
                                revision: main
                                files: [{path: "c/teams/*.json"}]
                          template:
                            metadata: {name: 'team-{{team}}'}
                            spec:
                              project: platform
                              source: {repoURL: %1$s, targetRevision: main, path: 'c/apps/katib'}
                              destination: {server: https://kubernetes.default.svc, namespace: '{{ns}}'}
                              syncPolicy: {syncOptions: [CreateNamespace=true]}
                        ---
                        apiVersion: argoproj.io/v1alpha1
                        kind: ApplicationSet
                        metadata: {name: previews, namespace: argocd}
                        spec:
                          generators:
                            - pullRequest: {github: {owner: acme, repo: platform}}
                          template:
                            metadata: {name: 'preview-{{number}}'}
                            spec:
                              project: platform
                              source: {repoURL: %1$s, targetRevision: main, path: 'c/apps/katib'}
                              destination: {server: https://kubernetes.default.svc, namespace: kubeflow}
                        """.formatted(TreeFixture.REPO));
        ValidateOptions options = new ValidateOptions(
                TreeFixture.REPO,
                null,
                List.of(
                        AppSetExpander.Cluster.parse("Prod-EU=https://prod.acme.io,env=prod"),
                        AppSetExpander.Cluster.parse("dev=https://dev.acme.io,env=dev")),
                null,
                Set.of(),
                Set.of());

        Validation v = validate(t, t.tree(), options);

        assertThat(v.context().apps())
                .extracting(TreeApp::id)
                .containsExactlyInAnyOrder("root", "katib-prod-eu", "kserve-prod-eu", "team-alpha");
        assertThat(v.context().app("kserve-prod-eu").app().destinationServer()).isEqualTo("https://prod.acme.io");
        assertThat(v.context().app("kserve-prod-eu").app().sources().get(0).path())
                .isEqualTo("c/apps/kserve");
        assertThat(v.findings())
                .filteredOn(f -> f.rule().equals("unverified"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("ApplicationSet previews is unverified: its pullRequest generator"));
        assertThat(errors(v)).isEmpty();
    }

    @Test
    void anEnvironmentsRootAppValidatesFromTheBaseAndFromItsOwnDirectory() {
        // cause 8: envs/NAME/root-app.yaml syncs a kustomization over ../../apps; Argo CD's namespace exists
        TreeFixture t = new TreeFixture(repo)
                .healthCheck()
                .file(
                        "tree/root.yaml",
                        TreeFixture.application("root", null, "tree/apps", "gitops", new String[0], "")
                                .replace("namespace: argocd", "namespace: gitops"))
                .file("tree/apps/kustomization.yaml", "resources:\n- katib.yaml\n")
                .app("katib", 1, "c/katib", "kubeflow", "CreateNamespace=true")
                .component("c/katib", CM.formatted("katib", "kubeflow"))
                .file("tree/envs/staging/kustomization.yaml", "resources:\n- ../../apps\nnameSuffix: -staging\n")
                .file(
                        "tree/envs/staging/root-app.yaml",
                        TreeFixture.application("root-staging", null, "tree/envs/staging", "gitops", new String[0], "")
                                .replace("namespace: argocd", "namespace: gitops"));

        Validation base = validate(t, t.tree(), local());
        assertThat(base.parents()).isEqualTo(2);
        assertThat(errors(base)).isEmpty();

        Validation staging = validate(t, t.tree().resolve("envs/staging"), local());
        assertThat(staging.context().apps()).extracting(TreeApp::id).containsExactlyInAnyOrder("root-staging", "katib");
        assertThat(staging.context().tree().settings().appHealthCheck()).isNotNull();
        assertThat(errors(staging)).isEmpty();
        assertThat(staging.findings()).noneMatch(f -> f.rule().equals("app-health-check-missing"));
    }
}
