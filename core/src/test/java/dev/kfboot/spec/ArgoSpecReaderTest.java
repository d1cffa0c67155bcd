package dev.kfboot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.argocd.SyncPolicy;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.InputException;
import org.junit.jupiter.api.Test;

/** The spec sections that shape the generated tree: read strictly, with file, line and the known choices. */
class ArgoSpecReaderTest {

    private static final String HEAD = """
            apiVersion: kfboot.dev/v1alpha1
            kind: Platform
            spec:
            """;

    private static Platform read(String spec) {
        return PlatformReader.parse(HEAD + spec, "platform.yaml");
    }

    private static InputException error(String spec) {
        try {
            PlatformResolver.resolve(read(spec), Catalogs.builtin());
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + spec);
    }

    @Test
    void readsEverySection() {
        Platform p = read("""
                  argocd:
                    namespace: gitops
                    project: ml
                    destination:
                      name: prod
                    repo:
                      url: https://example.com/tree.git
                      revision: main
                      path: clusters/prod
                  syncPolicy:
                    automated: false
                    selfHeal: false
                    retry:
                      limit: 3
                  components:
                    - name: pipelines
                      sync: manual
                  extraApps:
                    - name: mlflow
                      path: mlflow
                      namespace: mlflow
                      wave: 2
                  environments:
                    - name: staging
                      patches:
                        - app: kserve
                          patch: "x"
                  clusters:
                    - name: eu
                      server: https://eu.example.com
                      labels: {region: eu}
                """);
        assertThat(p.argocd())
                .isEqualTo(new ArgoCdSpec(
                        "gitops",
                        "ml",
                        new ClusterRef(null, "prod"),
                        new Repo("https://example.com/tree.git", "main", "clusters/prod")));
        assertThat(p.sync())
                .isEqualTo(new SyncDefaults(SyncMode.MANUAL, true, false, new SyncPolicy.Retry(3, "5s", 2, "3m")));
        assertThat(p.components().get(0).sync()).isEqualTo(SyncMode.MANUAL);
        assertThat(p.extraApps().get(0).wave()).isEqualTo(2);
        assertThat(p.environments().get(0).patches().get(0).app()).isEqualTo("kserve");
        assertThat(p.clusters().get(0).labels()).containsEntry("region", "eu");
        ResolvedPlatform r = PlatformResolver.resolve(p, Catalogs.builtin());
        assertThat(r.nodeIds()).contains("mlflow", "kserve");
        assertThat(r.app("pipelines").orElseThrow().sync()).isEqualTo(SyncMode.MANUAL);
    }

    @Test
    void defaultsWhenTheSectionsAreAbsent() {
        Platform p = read("  release: \"26.03\"\n");
        assertThat(p.argocd()).isEqualTo(ArgoCdSpec.DEFAULT);
        assertThat(p.sync()).isEqualTo(SyncDefaults.DEFAULT);
        assertThat(p.argocd().projectOr("kubeflow")).isEqualTo("kubeflow");
    }

    @Test
    void mistakesAreErrorsWithTheirLine() {
        InputException e = error("  argocd:\n    namespce: x\n");
        assertThat(e.oneLine()).isEqualTo("platform.yaml:5: unknown field 'namespce' in spec.argocd");
        assertThat(e.hint()).contains("namespace, project, repo");
        assertThat(error("  components:\n    - name: katib\n      sync: sometimes\n")
                        .oneLine())
                .isEqualTo("platform.yaml:6: unknown sync mode 'sometimes' in spec.components[0].sync");
        assertThat(error("  argocd:\n    destination:\n      server: https://a\n      name: b\n")
                        .oneLine())
                .contains("needs exactly one of server and name");
        assertThat(error("  syncPolicy:\n    retry:\n      backoff:\n        duration: soon\n")
                        .oneLine())
                .isEqualTo("platform.yaml:7: spec.syncPolicy.retry.backoff.duration 'soon' is not a duration");
        assertThat(error("  clusters:\n    - name: eu\n      server: http://eu\n")
                        .oneLine())
                .contains("not an https:// URL");
    }

    @Test
    void extraAppsAreCheckedAgainstTheCatalogAndEachOther() {
        String app = "      path: p\n      namespace: ns\n";
        assertThat(error("  extraApps:\n    - name: kserve\n" + app).getMessage())
                .contains("extra app 'kserve' has the name of a component");
        assertThat(error("  extraApps:\n    - name: a\n" + app + "    - name: a\n" + app)
                        .getMessage())
                .isEqualTo("extra app 'a' is listed twice (first at line 5)");
        InputException dep = error("  extraApps:\n    - name: a\n" + app + "      dependsOn: [nothing]\n");
        assertThat(dep.getMessage()).isEqualTo("a depends on 'nothing', which is not enabled");
        assertThat(dep.hint()).contains("extra apps: a");
        assertThat(error("  extraApps:\n    - name: a\n      namespace: ns\n").getMessage())
                .contains("spec.extraApps[0].path");
        assertThat(error("  extraApps:\n    - name: a\n" + app + "      syncOptions: [PruneLast]\n")
                        .getMessage())
                .contains("is not Name=value");
        assertThat(error("  extraApps:\n    - name: a\n" + app + "      ignoreDifferences:\n        - kind: Model\n")
                        .getMessage())
                .contains("ignores nothing");
    }

    @Test
    void environmentPatchesMustNameAnApp() {
        InputException e =
                error("  environments:\n    - name: qa\n      patches:\n        - app: nope\n          patch: x\n");
        assertThat(e.getMessage())
                .isEqualTo("environment qa patches 'nope', which is not an enabled component or extra app");
        assertThat(e.location().line()).isEqualTo(7);
        assertThat(error("  components:\n    - name: spark-operator\n      enabled: false\n      sync: manual\n")
                        .getMessage())
                .contains("is disabled but has dependsOn, wave or sync");
    }

    @Test
    void theInitTemplateReadsBackToTheDefaults() {
        Platform p =
                PlatformReader.parse(PlatformTemplate.write(Catalogs.builtin().release("26.03")), "platform.yaml");
        assertThat(p.argocd()).isEqualTo(ArgoCdSpec.DEFAULT);
        assertThat(p.sync()).isEqualTo(SyncDefaults.DEFAULT);
        assertThat(p.extraApps()).isEmpty();
    }
}
