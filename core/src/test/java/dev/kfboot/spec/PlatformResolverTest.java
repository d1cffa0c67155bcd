package dev.kfboot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.graph.DeclaredEdge;
import dev.kfboot.graph.Reason;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformResolverTest {

    private static final List<String> EXAMPLE_26_03 = List.of(
            "cert-manager",
            "istio-crds",
            "istio-namespace",
            "istio-install",
            "oauth2-proxy",
            "dex",
            "knative-serving",
            "cluster-local-gateway",
            "kubeflow-namespace",
            "kubeflow-roles",
            "kubeflow-istio-resources",
            "pipelines",
            "katib",
            "centraldashboard",
            "admission-webhook",
            "jupyter-web-app",
            "notebook-controller",
            "profiles",
            "pvcviewer-controller",
            "volumes-web-app",
            "tensorboard-controller",
            "tensorboards-web-app",
            "trainer",
            "user-namespace",
            "kserve",
            "kserve-models-web-app",
            "spark-operator");

    private static ResolvedPlatform resolve(String components) {
        String yaml = """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  release: "26.03"
                  components:
                """ + components.indent(4);
        return PlatformResolver.resolve(PlatformReader.parse(yaml, "platform.yaml"), Catalogs.builtin());
    }

    private static InputException resolveFailure(String components) {
        return catchThrowableOfType(InputException.class, () -> resolve(components));
    }

    private static App app(ResolvedPlatform p, String id) {
        return p.apps().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void defaultPlatformIsTheReleaseExampleSet() {
        ResolvedPlatform p = PlatformResolver.resolve(Platform.defaults("26.03"), Catalogs.builtin());

        assertThat(p.release()).isEqualTo("26.03");
        assertThat(p.appIds()).containsExactlyInAnyOrderElementsOf(EXAMPLE_26_03);
        assertThat(p.repo()).isEqualTo(new Repo("https://github.com/kubeflow/manifests.git", "26.03", ""));
        assertThat(app(p, "pipelines").variant().name()).isEqualTo("database");
        assertThat(app(p, "trainer").namespace()).isEqualTo("kubeflow-system");
    }

    @Test
    void specWithoutReleaseUsesTheDefaultRelease() {
        Platform spec = PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec: {}
                """, "platform.yaml");

        ResolvedPlatform p = PlatformResolver.resolve(spec, Catalogs.builtin());

        assertThat(p.release()).isEqualTo("26.03");
        assertThat(p.apps()).hasSize(27);
    }

    @Test
    void catalogCouplingsBecomeDeclaredEdges() {
        ResolvedPlatform p = PlatformResolver.resolve(Platform.defaults("26.03"), Catalogs.builtin());

        assertThat(p.declaredEdges())
                .filteredOn(d -> d.component().equals("kserve"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.dependsOn()).isEqualTo("knative-serving");
                    assertThat(d.kind()).isEqualTo(Reason.Kind.DECLARED);
                    assertThat(d.location()).isEqualTo(Location.NONE);
                });
    }

    @Test
    void disablingAComponentRemovesItAndItsCouplings() {
        ResolvedPlatform p = resolve("""
                - name: katib
                  enabled: false
                """);

        assertThat(p.appIds()).hasSize(26).doesNotContain("katib");
        assertThat(p.declaredEdges()).extracting(DeclaredEdge::component).doesNotContain("katib");
        // user-namespace's catalog coupling to katib is still there; the analysis drops edges to absent apps
    }

    @Test
    void enablingAnOptionalComponentAddsIt() {
        ResolvedPlatform p = resolve("""
                - name: model-registry
                  enabled: true
                """);

        assertThat(p.appIds()).hasSize(28).contains("model-registry");
        App mr = app(p, "model-registry");
        assertThat(mr.variant().name()).isEqualTo("db");
        assertThat(mr.setting()).isEqualTo(new Location("platform.yaml", 6));
    }

    @Test
    void namingAnOptionalComponentWithoutEnabledEnablesIt() {
        ResolvedPlatform p = resolve("""
                - name: model-registry
                  variant: postgres
                """);

        assertThat(app(p, "model-registry").variant().name()).isEqualTo("postgres");
    }

    @Test
    void pickingAVariantUsesItsPaths() {
        ResolvedPlatform p = resolve("""
                - name: pipelines
                  variant: k8s-native
                """);

        App pipelines = app(p, "pipelines");
        assertThat(pipelines.variant().name()).isEqualTo("k8s-native");
        assertThat(pipelines.variant().paths())
                .containsExactly(
                        "applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user-k8s-native");
        assertThat(p.apps()).hasSize(27);
    }

    @Test
    void unknownComponentNamesItTheKnownOnesAndTheLine() {
        InputException e = resolveFailure("""
                - name: katib
                  enabled: true
                - name: kubeflow-pipelines
                  enabled: false
                """);

        assertThat(e.getMessage()).isEqualTo("unknown component 'kubeflow-pipelines' in release 26.03");
        assertThat(e.location()).isEqualTo(new Location("platform.yaml", 8));
        assertThat(e.hint()).startsWith("known components: ").contains("pipelines", "model-registry", "katib");
    }

    @Test
    void unknownVariantListsTheVariants() {
        InputException e = resolveFailure("""
                - name: istio-install
                  variant: ambient
                """);

        assertThat(e.getMessage()).isEqualTo("unknown variant 'ambient' of istio-install");
        assertThat(e.location().line()).isEqualTo(6);
        assertThat(e.hint())
                .isEqualTo(
                        "variants of istio-install: oauth2-proxy, gke, ambient-oauth2-proxy, ambient-oauth2-proxy-gke");
    }

    @Test
    void componentListedTwiceIsRefusedNamingTheFirstLine() {
        InputException e = resolveFailure("""
                - name: katib
                  enabled: false
                - name: pipelines
                  variant: k8s-native
                - name: katib
                  wave: 3
                """);

        assertThat(e.getMessage()).isEqualTo("component 'katib' is listed twice (first at line 6)");
        assertThat(e.location().line()).isEqualTo(10);
    }

    @Test
    void dependsOnADisabledComponentIsRefused() {
        InputException e = resolveFailure("""
                - name: katib
                  enabled: false
                - name: kserve
                  dependsOn: [katib]
                """);

        assertThat(e.getMessage()).isEqualTo("kserve depends on 'katib', which is not enabled");
        assertThat(e.location().line()).isEqualTo(8);
        assertThat(e.hint()).isEqualTo("enable katib or drop the dependency");
    }

    @Test
    void dependsOnAnUnknownComponentListsTheKnownOnes() {
        InputException e = resolveFailure("""
                - name: kserve
                  dependsOn: [knative]
                """);

        assertThat(e.getMessage()).isEqualTo("kserve depends on 'knative', which is not enabled");
        assertThat(e.hint()).startsWith("known components: ");
    }

    @Test
    void disabledComponentWithAWaveIsRefused() {
        InputException e = resolveFailure("""
                - name: katib
                  enabled: false
                  wave: 2
                """);

        assertThat(e.getMessage()).isEqualTo("katib is disabled but has dependsOn, wave or sync");
    }

    @Test
    void waveAboveRangeIsRefused() {
        InputException e = resolveFailure("""
                - name: katib
                  wave: 101
                """);

        assertThat(e.getMessage()).isEqualTo("wave 101 of katib is out of range");
        assertThat(e.hint()).isEqualTo("pin a wave between 0 and 100");
        assertThat(e.location().line()).isEqualTo(6);
    }

    @Test
    void negativeWaveIsRefused() {
        InputException e = resolveFailure("""
                - name: katib
                  wave: -1
                """);

        assertThat(e.getMessage()).isEqualTo("wave -1 of katib is out of range");
    }

    @Test
    void pinnedWaveIsKeptOnTheApp() {
        ResolvedPlatform p = resolve("""
                - name: katib
                  wave: 100
                """);

        assertThat(app(p, "katib").pinnedWave()).isEqualTo(100);
        assertThat(app(p, "pipelines").pinnedWave()).isNull();
    }

    @Test
    void specDependsOnBecomesASpecEdgeWithTheSpecLocation() {
        ResolvedPlatform p = resolve("""
                - name: centraldashboard
                  dependsOn: [profiles, dex]
                """);

        assertThat(p.declaredEdges())
                .filteredOn(d -> d.kind() == Reason.Kind.SPEC)
                .containsExactly(
                        new DeclaredEdge(
                                "centraldashboard",
                                "profiles",
                                Reason.Kind.SPEC,
                                "declared in platform.yaml:6",
                                new Location("platform.yaml", 6)),
                        new DeclaredEdge(
                                "centraldashboard",
                                "dex",
                                Reason.Kind.SPEC,
                                "declared in platform.yaml:6",
                                new Location("platform.yaml", 6)));
    }

    @Test
    void unknownReleaseListsTheKnownReleases() {
        InputException e = catchThrowableOfType(
                InputException.class,
                () -> PlatformResolver.resolve(PlatformReader.parse("""
                        apiVersion: kfboot.dev/v1alpha1
                        kind: Platform
                        spec:
                          release: "v1.10.0"
                        """, "platform.yaml"), Catalogs.builtin()));

        assertThat(e.getMessage()).isEqualTo("unknown release 'v1.10.0'");
        assertThat(e.hint())
                .startsWith("known releases: 26.03.1, 26.03, v1.11.0")
                .contains("kfboot catalog scan");
        assertThat(e.location().file()).isEqualTo("platform.yaml");
    }

    @Test
    void repoFieldsOverrideTheCatalogDefaults() {
        ResolvedPlatform p = PlatformResolver.resolve(PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  repo:
                    url: https://git.example.com/fork.git
                    path: deploy/manifests
                """, "platform.yaml"), Catalogs.builtin());

        assertThat(p.repo()).isEqualTo(new Repo("https://git.example.com/fork.git", "26.03", "deploy/manifests"));
    }
}
