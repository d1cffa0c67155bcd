package dev.kfboot;

import static dev.kfboot.plan.PlanAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.graph.Reason;
import dev.kfboot.inventory.Collected;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.plan.Plan;
import dev.kfboot.plan.PlanJson;
import dev.kfboot.plan.PlanText;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import dev.kfboot.testing.Golden;
import dev.kfboot.yaml.RenderedYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KfbootTest {

    private static Platform spec(String components) {
        return PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  release: "26.03"
                  components:
                """ + components.indent(4), "platform.yaml");
    }

    /** The measured edges of facts.md, planned from the facts committed for 26.03. */
    @Nested
    class FromCommittedFacts {

        private final Plan plan = Kfboot.quiet().plan(Platform.defaults("26.03"), Sources.facts());

        @Test
        void defaultPlatformHas27Components675ObjectsAndAtMost5Waves() {
            assertThat(plan).hasComponents(27).hasAtMostWaves(5).respectsEveryDependency();
            assertThat(plan.inventory().size()).isEqualTo(675);
            assertThat(plan.release()).isEqualTo("26.03");
            assertThat(plan.source()).isEqualTo("from committed facts");
            assertThat(plan.hasErrors()).as("findings: %s", plan.findings()).isFalse();
        }

        @Test
        void firstWaveIsTheComponentsThatNeedNothing() {
            assertThat(plan.waveList().get(0).components())
                    .containsExactly(
                            "cert-manager", "istio-crds", "istio-namespace", "kubeflow-namespace", "kubeflow-roles");
        }

        @Test
        void certManagerComesBeforeEveryUserOfItsCertificatesAndIssuers() {
            assertThat(plan)
                    .placesBeforeEach(
                            "cert-manager",
                            "pipelines",
                            "katib",
                            "admission-webhook",
                            "pvcviewer-controller",
                            "kserve");
        }

        @Test
        void istioCrdsComeBeforeTheFourteenComponentsThatCreateIstioResources() {
            assertThat(plan)
                    .placesBeforeEach(
                            "istio-crds",
                            "centraldashboard",
                            "cluster-local-gateway",
                            "dex",
                            "istio-install",
                            "jupyter-web-app",
                            "katib",
                            "knative-serving",
                            "kserve-models-web-app",
                            "kubeflow-istio-resources",
                            "oauth2-proxy",
                            "pipelines",
                            "profiles",
                            "tensorboards-web-app",
                            "volumes-web-app");
        }

        @Test
        void namespaceCreatorsComeBeforeWhatGoesIntoTheirNamespaces() {
            assertThat(plan)
                    .placesBeforeEach(
                            "kubeflow-namespace",
                            "admission-webhook",
                            "centraldashboard",
                            "istio-install",
                            "jupyter-web-app",
                            "katib",
                            "kserve",
                            "kserve-models-web-app",
                            "kubeflow-istio-resources",
                            "notebook-controller",
                            "pipelines",
                            "profiles",
                            "pvcviewer-controller",
                            "spark-operator",
                            "tensorboard-controller",
                            "tensorboards-web-app",
                            "trainer",
                            "volumes-web-app");
            assertThat(plan)
                    .placesBeforeEach(
                            "istio-namespace",
                            "cluster-local-gateway",
                            "istio-install",
                            "knative-serving",
                            "oauth2-proxy");
        }

        @Test
        void istiodServesBeforeThePodsItsInjectorIntercepts() {
            assertThat(plan)
                    .placesBeforeEach("istio-install", "pipelines", "katib", "knative-serving", "centraldashboard");
            assertThat(plan.graph().dependenciesOf("pipelines"))
                    .filteredOn(d -> d.dependsOn().equals("istio-install"))
                    .singleElement()
                    .satisfies(d ->
                            assertThat(d.reasons()).extracting(Reason::kind).contains(Reason.Kind.WEBHOOK));
        }

        @Test
        void profilesBeforeTheUserNamespaceAndKnativeBeforeKserve() {
            assertThat(plan).placesBefore("profiles", "user-namespace").placesBefore("knative-serving", "kserve");
            assertThat(plan.waveOf("user-namespace")).isEqualTo(plan.waveList().size() - 1);
        }

        @Test
        void objectsNeedingTheirOwnComponentFirstAreReportedInsideTheApp() {
            assertThat(plan.internal())
                    .extracting(o -> o.component())
                    .contains("cert-manager", "kserve", "trainer", "pipelines", "knative-serving");
            assertThat(plan.graph().edges()).noneMatch(d -> d.component().equals(d.dependsOn()));
        }
    }

    @Nested
    class SpecSettings {

        @Test
        void pinnedWaveIsHonoured() {
            Plan plan = Kfboot.quiet().plan(spec("""
                    - name: kserve
                      wave: 6
                    """), Sources.facts());

            assertThat(plan).placesInWave("kserve", 6).placesBefore("kserve", "user-namespace");
            assertThat(plan.pins()).containsOnlyKeys("kserve");
        }

        @Test
        void pinEarlierThanTheFactsAllowIsAnErrorAtTheSpecLine() {
            InputException e = catchThrowableOfType(
                    InputException.class, () -> Kfboot.quiet().plan(spec("""
                    - name: user-namespace
                      wave: 1
                    """), Sources.facts()));

            assertThat(e.getMessage()).startsWith("wave 1 pinned for user-namespace contradicts its dependency on ");
            assertThat(e.location()).isEqualTo(new Location("platform.yaml", 6));
        }

        @Test
        void specDependencyThatClosesACycleIsAnErrorAtTheSpecLine() {
            InputException e = catchThrowableOfType(
                    InputException.class, () -> Kfboot.quiet().plan(spec("""
                    - name: cert-manager
                      dependsOn: [kserve]
                    """), Sources.facts()));

            assertThat(e.getMessage())
                    .startsWith("dependency cycle: ")
                    .contains("cert-manager needs kserve (spec: declared in platform.yaml:6)")
                    .contains("kserve needs cert-manager");
            assertThat(e.location()).isEqualTo(new Location("platform.yaml", 6));
        }

        @Test
        void disabledComponentLeavesThePlanAndItsCouplings() {
            Plan plan = Kfboot.quiet().plan(spec("""
                    - name: kserve
                      enabled: false
                    - name: kserve-models-web-app
                      enabled: false
                    """), Sources.facts());

            assertThat(plan).hasComponents(25);
            assertThat(plan.graph().edges()).noneMatch(d -> d.dependsOn().equals("kserve"));
        }
    }

    /** The pipeline with a renderer that returns inline YAML: no kustomize, no upstream tree. */
    @Nested
    class WithAFakeRenderer {

        @TempDir
        Path upstream;

        private final Map<String, String> yamlByUnit = Map.of(
                "cert-manager", """
                        apiVersion: v1
                        kind: Namespace
                        metadata: {name: cert-manager}
                        ---
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata: {name: certificates.cert-manager.io}
                        spec:
                          group: cert-manager.io
                          names: {kind: Certificate, plural: certificates}
                          scope: Namespaced
                        """,
                "kubeflow-namespace", """
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: kubeflow
                          labels: {istio-injection: enabled}
                        """,
                "istio-install", """
                        apiVersion: admissionregistration.k8s.io/v1
                        kind: MutatingWebhookConfiguration
                        metadata: {name: istio-sidecar-injector}
                        webhooks:
                          - name: namespace.sidecar-injector.istio.io
                            rules: [{apiGroups: [""], resources: [pods], operations: [CREATE]}]
                            namespaceSelector: {matchLabels: {istio-injection: enabled}}
                        """,
                "kserve", """
                        apiVersion: cert-manager.io/v1
                        kind: Certificate
                        metadata: {name: serving-cert, namespace: kubeflow}
                        ---
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: kserve-controller-manager, namespace: kubeflow}
                        spec: {template: {metadata: {labels: {app: kserve}}}}
                        """,
                "dex", """
                        - just a list, not an object
                        """);

        private final List<RenderUnit> seen = new ArrayList<>();

        private final RenderRunner fake = (units, options, progress) -> {
            List<Rendered> out = new ArrayList<>();
            for (RenderUnit u : units) {
                seen.add(u);
                Rendered r;
                if (u.id().equals("trainer")) {
                    r = new Rendered(
                            u,
                            List.of(),
                            Finding.error("render-failed", u.id(), "kustomize failed: boom", null),
                            List.of(),
                            0);
                } else if (u.id().equals("dex")) {
                    r = new Rendered(u, List.of(Map.of("items", List.of("x"))), null, List.of(), 0);
                } else {
                    r = new Rendered(u, RenderedYaml.parse(yamlByUnit.getOrDefault(u.id(), "")), null, List.of(), 0);
                }
                progress.accept(r);
                out.add(r);
            }
            return new Rendering.Result(out, "v5.5.0");
        };

        @Test
        void plansFromWhatTheRendererReturns() {
            List<String> progress = new ArrayList<>();
            Kfboot kfboot = new Kfboot(
                    Catalogs.builtin(), fake, r -> progress.add(r.unit().id()));

            Plan plan = kfboot.plan(Platform.defaults("26.03"), Sources.render(upstream, null));

            assertThat(plan.source()).isEqualTo("rendered from " + upstream);
            // trainer did not render and dex rendered something that is not an object: neither is placed
            assertThat(plan)
                    .hasComponents(25)
                    .placesBefore("cert-manager", "kserve")
                    .placesBefore("kubeflow-namespace", "kserve")
                    .placesBefore("istio-install", "kserve")
                    .placesBefore("knative-serving", "kserve")
                    .respectsEveryDependency();
            assertThat(plan.inventory().size()).isEqualTo(6);
            assertThat(progress).hasSize(27).contains("kserve", "trainer");
        }

        @Test
        void failedRendersAndNonObjectsBecomeFindings() {
            Plan plan = new Kfboot(Catalogs.builtin(), fake, r -> {})
                    .plan(Platform.defaults("26.03"), Sources.render(upstream, null));

            assertThat(plan.findings())
                    .extracting(Finding::app, Finding::rule)
                    .contains(
                            Tuple.tuple("trainer", "render-failed"), Tuple.tuple("dex", Collected.RULE_NOT_AN_OBJECT));
            assertThat(plan.hasErrors()).isTrue();
            assertThat(plan.waves()).doesNotContainKeys("trainer", "dex");
            assertThat(plan.failedRenders()).containsOnlyKeys("trainer", "dex");
            assertThat(PlanText.header(plan)).contains("2 failed to render and are not placed: dex, trainer");
            assertThat(PlanJson.write(plan)).contains("\"failed\"").contains("kustomize failed: boom");
            Golden.assertMatches(
                    "plan/failed-renders.json", PlanJson.write(plan).replace(upstream.toString(), "$UPSTREAM"));
        }

        @Test
        void aFailedProviderIsNotPlacedAndWhatNeedsItSaysSoInOneLine() {
            RenderRunner certManagerFails = (units, options, progress) -> {
                List<Rendered> out = new ArrayList<>();
                for (RenderUnit u : units) {
                    out.add(
                            u.id().equals("cert-manager")
                                    ? new Rendered(
                                            u,
                                            List.of(),
                                            Finding.error(
                                                    "path-not-found",
                                                    u.id(),
                                                    "path common/cert-manager does not exist",
                                                    null),
                                            List.of(),
                                            0)
                                    : new Rendered(
                                            u,
                                            u.id().equals("dex")
                                                    ? List.of()
                                                    : RenderedYaml.parse(yamlByUnit.getOrDefault(u.id(), "")),
                                            null,
                                            List.of(),
                                            0));
                }
                return new Rendering.Result(out, "v5.5.0");
            };

            Plan plan = new Kfboot(Catalogs.builtin(), certManagerFails, r -> {})
                    .plan(Platform.defaults("26.03"), Sources.render(upstream, null));

            assertThat(plan.waves()).doesNotContainKey("cert-manager");
            // kserve's Certificate: no "the platform has no cert-manager", one line naming the failed provider
            assertThat(plan.findings())
                    .filteredOn(f -> "kserve".equals(f.app()))
                    .extracting(Finding::rule)
                    .containsExactly("provider-failed");
            assertThat(plan.findings())
                    .filteredOn(f -> "kserve".equals(f.app()))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("its provider failed to render: cert-manager"));
            assertThat(plan.findings()).noneMatch(f -> f.message().contains("has no cert-manager"));
            assertThat(plan.hasErrors()).isTrue();
        }

        @Test
        void unitsCarryTheUpstreamRootAndTheChosenVariantsPaths() {
            new Kfboot(Catalogs.builtin(), fake, r -> {}).plan(spec("""
                    - name: pipelines
                      variant: k8s-native
                    """), Sources.render(upstream, null));

            assertThat(seen).hasSize(27).allSatisfy(u -> assertThat(u.root()).isEqualTo(upstream));
            assertThat(seen)
                    .filteredOn(u -> u.id().equals("pipelines"))
                    .singleElement()
                    .extracting(RenderUnit::paths)
                    .isEqualTo(List.of(
                            "applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user-k8s-native"));
        }

        @Test
        void missingUpstreamDirectoryIsAnInputError() {
            Path missing = upstream.resolve("no-such-checkout");

            InputException e = catchThrowableOfType(
                    InputException.class,
                    () -> new Kfboot(Catalogs.builtin(), fake, r -> {})
                            .plan(Platform.defaults("26.03"), Sources.render(missing, null)));

            assertThat(e.getMessage()).isEqualTo("upstream directory not found");
            assertThat(e.hint()).contains("26.03");
            assertThat(seen).isEmpty();
        }
    }
}
