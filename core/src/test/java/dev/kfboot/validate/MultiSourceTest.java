package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.rules.Rules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-source Applications (issue 16, "what it missed"): every source with a path renders and its objects are the
 * app's (a kustomization, a plain directory, and a {@code ref} source with a path of its own); a {@code ref} source
 * without a path only lends files. Helm {@code $values} refs are covered by {@link HelmSourceTest}.
 */
class MultiSourceTest {

    static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  namespace: kubeflow\n";

    @TempDir
    Path repo;

    @Test
    void everySourceWithAPathRendersAsTheAppsObjects() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .healthCheck()
                .component("c/base", CM.formatted("from-kustomize"))
                .file("c/plain/cm.yaml", CM.formatted("from-directory"))
                .component("c/extra", CM.formatted("from-ref-with-path"))
                .file("tree/apps/web.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Application
                        metadata:
                          name: web
                          namespace: argocd
                          annotations: {argocd.argoproj.io/sync-wave: "1"}
                        spec:
                          project: platform
                          sources:
                            - repoURL: %1$s
                              targetRevision: main
                              path: c/base
                            - repoURL: %1$s
                              targetRevision: main
                              path: c/plain
                            - repoURL: %1$s
                              targetRevision: main
                              ref: values
                            - repoURL: %1$s
                              targetRevision: main
                              ref: more
                              path: c/extra
                          destination: {server: https://kubernetes.default.svc, namespace: kubeflow}
                          syncPolicy: {syncOptions: [CreateNamespace=true]}
                        """.formatted(TreeFixture.REPO));

        Validation v = t.validate(Rules.all());

        assertThat(v.context().sourcesOf("web"))
                .extracting(ResolvedSource::kind)
                .containsExactly(
                        ResolvedSource.Kind.KUSTOMIZE,
                        ResolvedSource.Kind.DIRECTORY,
                        ResolvedSource.Kind.VALUES_REF,
                        ResolvedSource.Kind.KUSTOMIZE);
        assertThat(v.context().inventory().of("web"))
                .extracting(e -> e.object().id().name())
                .containsExactlyInAnyOrder("from-kustomize", "from-directory", "from-ref-with-path");
        assertThat(v.findings())
                .as(v.findings().toString())
                .extracting(Finding::severity)
                .doesNotContain(Severity.ERROR);
    }

    /**
     * Argo CD evaluates the {@code *.jsonnet} files of a plain directory (after include/exclude); kfboot does not, so
     * such a directory is unverified as a whole, not read in part as if its YAML were all it deploys.
     */
    @Test
    void aPlainDirectoryWithJsonnetIsUnverifiedUnlessItsFiltersLeaveTheJsonnetOut() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .healthCheck()
                .file("c/mixed/cm.yaml", CM.formatted("from-yaml"))
                .file("c/mixed/crds.jsonnet", "{ apiVersion: 'v1', kind: 'List', items: [] }\n")
                .file("c/mixed/lib/util.libsonnet", "{}\n")
                .file("tree/apps/mixed.yaml", directoryApp("mixed", ""))
                .file("tree/apps/yaml-only.yaml", directoryApp("yaml-only", "    directory: {exclude: '*.jsonnet'}\n"))
                .file("c/plain/cm.yaml", CM.formatted("only-yaml"))
                .file("c/plain/lib/util.libsonnet", "{}\n")
                .file("tree/apps/plain.yaml", directoryApp("plain", "").replace("c/mixed", "c/plain"));

        Validation v = t.validate(Rules.all());

        assertThat(v.unverified()).containsOnlyKeys("mixed");
        assertThat(t.findings("unverified")).singleElement().satisfies(f -> {
            assertThat(f.app()).isEqualTo("mixed");
            assertThat(f.message()).contains("c/mixed holds Jsonnet (crds.jsonnet)", "the app is unverified");
            assertThat(f.hint()).contains("directory.exclude");
        });
        assertThat(v.context().inventory().of("mixed")).isEmpty();
        assertThat(v.context().inventory().of("yaml-only"))
                .extracting(e -> e.object().id().name())
                .containsExactly("from-yaml");
        assertThat(v.context().inventory().of("plain"))
                .extracting(e -> e.object().id().name())
                .containsExactly("only-yaml");
        assertThat(v.findings())
                .as(v.findings().toString())
                .extracting(Finding::severity)
                .doesNotContain(Severity.ERROR);
    }

    private static String directoryApp(String name, String sourceExtra) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %2$s
                  namespace: argocd
                  annotations: {argocd.argoproj.io/sync-wave: "1"}
                spec:
                  project: platform
                  source:
                    repoURL: %1$s
                    targetRevision: main
                    path: c/mixed
                %3$s  destination: {server: https://kubernetes.default.svc, namespace: kubeflow}
                """.formatted(TreeFixture.REPO, name, sourceExtra);
    }
}
