package dev.kfboot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogsTest {

    private final Catalogs catalogs = Catalogs.builtin();

    private static YNode yaml(String text) {
        return YamlReader.forUserFiles().parseAll(text, "inline.yaml").get(0);
    }

    @Test
    void knowsThreeReleasesWith2603AsDefault() {
        assertThat(catalogs.defaultRelease()).isEqualTo("26.03");
        assertThat(catalogs.releases()).containsExactly("26.03.1", "26.03", "v1.11.0");
        assertThat(catalogs.release("26.03.1").repo())
                .isEqualTo("https://github.com/kubeflow/community-distribution.git");
        assertThat(catalogs.release("26.03.1").renamesFrom("26.03")).anySatisfy(r -> {
            assertThat(r.component()).isEqualTo("centraldashboard");
            assertThat(r.kind()).isEqualTo(Rename.Kind.MERGED);
            assertThat(r.into()).containsExactly("dashboard");
        });
        assertThat(catalogs.release("26.03").release()).isEqualTo("26.03");
        assertThat(catalogs.release("v1.11.0").revision()).isEqualTo("v1.11.0");
    }

    @Test
    void unknownReleaseIsAnInputError() {
        InputException e = catchThrowableOfType(InputException.class, () -> catalogs.release("v1.9.0"));

        assertThat(e.getMessage()).isEqualTo("unknown release 'v1.9.0'");
        assertThat(e.hint())
                .startsWith("known releases: 26.03.1, 26.03, v1.11.0")
                .contains("kfboot catalog scan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"26.03", "v1.11.0"})
    void everyVariantOfEveryComponentHasCommittedFacts(String release) {
        ReleaseCatalog catalog = catalogs.release(release);
        ReleaseFacts facts = catalogs.facts(release);

        List<String> missing = new ArrayList<>();
        for (Component c : catalog.components()) {
            for (Variant v : c.variants()) {
                if (facts.of(c.id(), v.name()).isEmpty()) missing.add(c.id() + "/" + v.name());
            }
        }

        assertThat(missing)
                .as("variants without committed facts in %s", release)
                .isEmpty();
        assertThat(facts.release()).isEqualTo(release);
        assertThat(facts.commit()).isEqualTo(catalog.commit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"26.03", "v1.11.0"})
    void factsOfAVariantCarryItsObjects(String release) {
        ReleaseFacts facts = catalogs.facts(release);

        assertThat(facts.of("cert-manager", "kubeflow").orElseThrow())
                .anySatisfy(
                        o -> assertThat(o.crd() == null ? null : o.crd().kind()).isEqualTo("Certificate"));
        assertThat(facts.of("cert-manager", "no-such-variant")).isEmpty();
        assertThat(facts.of("no-such-component", "kubeflow")).isEmpty();
    }

    @Test
    void release2603ExampleSetHas27Components() {
        assertThat(catalogs.release("26.03").exampleComponents()).hasSize(27);
    }

    @Test
    void v1110HasNetworkPoliciesAndATwoPathCertManager() {
        ReleaseCatalog v111 = catalogs.release("v1.11.0");

        assertThat(v111.component("networkpolicies")
                        .orElseThrow()
                        .defaultVariant()
                        .paths())
                .containsExactly("common/networkpolicies/base");
        assertThat(v111.component("cert-manager").orElseThrow().defaultVariant().paths())
                .containsExactly("common/cert-manager/base", "common/cert-manager/kubeflow-issuer/base");
    }

    @Test
    void release2603DropsTheComponentsAndPathsThatMoved() {
        ReleaseCatalog r = catalogs.release("26.03");

        assertThat(r.component("networkpolicies")).isEmpty();
        assertThat(r.component("cert-manager").orElseThrow().defaultVariant().paths())
                .containsExactly("common/cert-manager/overlays/kubeflow");
    }

    @Test
    void parsesAnInlineCatalog() {
        ReleaseCatalog c = Catalogs.parse("test", yaml("""
                release: test
                repo: https://example.com/manifests.git
                revision: v0
                components:
                  - id: a
                    description: A.
                    namespace: ns-a
                    example: true
                    requests: {cpu: 10, memory: 20}
                    variants:
                      - name: one
                        paths: [apps/a/one]
                      - name: two
                        description: the other one
                        paths: [apps/a/two, apps/a/extra]
                        components: [apps/a/component]
                  - id: b
                    description: B.
                    namespace: ns-b
                    dependsOn:
                      - component: a
                        reason: b calls a
                    variants:
                      - name: default
                        paths: [apps/b]
                """));

        assertThat(c.componentIds()).containsExactly("a", "b");
        Component a = c.component("a").orElseThrow();
        assertThat(a.example()).isTrue();
        assertThat(a.requests()).isEqualTo(new Requests(10, 20, 0));
        assertThat(a.defaultVariant().name()).isEqualTo("one");
        assertThat(a.variant("two").orElseThrow())
                .isEqualTo(new Variant(
                        "two", "the other one", List.of("apps/a/two", "apps/a/extra"), List.of("apps/a/component")));
        Component b = c.component("b").orElseThrow();
        assertThat(b.example()).isFalse();
        assertThat(b.dependsOn()).containsExactly(new DeclaredDependency("a", "b calls a"));
        assertThat(c.exampleComponents()).extracting(Component::id).containsExactly("a");
    }

    @Test
    void theMinimumKubernetesVersionIsOptionalAndMustBeMajorDotMinor() {
        String components = """
                components:
                  - id: a
                    description: A.
                    namespace: ns-a
                    variants:
                      - name: one
                        paths: [apps/a]
                """;
        String head = "release: test\nrepo: https://example.com/manifests.git\nrevision: v0\n";

        assertThat(Catalogs.parse("test", yaml(head + components)).kubernetes()).isNull();
        ReleaseCatalog c = Catalogs.parse(
                "test", yaml(head + "kubernetes: {minimum: \"1.31\", reason: Istio 1.29}\n" + components));
        assertThat(c.kubernetes()).isEqualTo(new KubernetesRequirement("1.31", "Istio 1.29"));
        assertThat(c.kubernetes().admits(1, 31)).isTrue();
        assertThat(c.kubernetes().admits(2, 0)).isTrue();
        assertThat(c.kubernetes().admits(1, 30)).isFalse();
        InputException e = catchThrowableOfType(
                InputException.class,
                () -> Catalogs.parse(
                        "test", yaml(head + "kubernetes: {minimum: \"1.31.2\", reason: Istio}\n" + components)));
        assertThat(e.getMessage()).isEqualTo("kubernetes.minimum '1.31.2' is not major.minor");
        assertThat(e.location().line()).isEqualTo(4);
    }

    @Test
    void variantPathWithDotDotIsRefused() {
        InputException e = catchThrowableOfType(InputException.class, () -> Catalogs.parse("test", yaml("""
                release: test
                repo: https://example.com/manifests.git
                revision: v0
                components:
                  - id: a
                    description: A.
                    namespace: ns-a
                    variants:
                      - name: one
                        paths: [apps/../../outside]
                """)));

        assertThat(e.getMessage()).isEqualTo("path 'apps/../../outside' must stay inside the manifests tree");
        assertThat(e.location().line()).isEqualTo(10);
    }

    @Test
    void absoluteKustomizeComponentPathIsRefused() {
        InputException e = catchThrowableOfType(InputException.class, () -> Catalogs.parse("test", yaml("""
                release: test
                repo: https://example.com/manifests.git
                revision: v0
                components:
                  - id: a
                    description: A.
                    namespace: ns-a
                    variants:
                      - name: one
                        paths: [apps/a]
                        components: [/etc/kustomize]
                """)));

        assertThat(e.getMessage()).isEqualTo("path '/etc/kustomize' must stay inside the manifests tree");
    }

    @Test
    void dependencyOnAnUnknownComponentIsRefused() {
        InputException e = catchThrowableOfType(InputException.class, () -> Catalogs.parse("test", yaml("""
                release: test
                repo: https://example.com/manifests.git
                revision: v0
                components:
                  - id: a
                    description: A.
                    namespace: ns-a
                    dependsOn:
                      - component: ghost
                        reason: none
                    variants:
                      - name: one
                        paths: [apps/a]
                """)));

        assertThat(e.getMessage()).isEqualTo("a depends on unknown component ghost");
    }

    @Test
    void duplicateComponentIdIsRefused() {
        InputException e = catchThrowableOfType(InputException.class, () -> Catalogs.parse("test", yaml("""
                release: test
                repo: https://example.com/manifests.git
                revision: v0
                components:
                  - id: a
                    description: A.
                    namespace: ns-a
                    variants: [{name: one, paths: [x]}]
                  - id: a
                    description: A again.
                    namespace: ns-a
                    variants: [{name: one, paths: [y]}]
                """)));

        assertThat(e.getMessage()).isEqualTo("duplicate component id 'a'");
        assertThat(e.location().line()).isEqualTo(9);
    }
}
