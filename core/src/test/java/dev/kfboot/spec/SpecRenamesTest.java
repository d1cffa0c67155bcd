package dev.kfboot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Severity;
import dev.kfboot.yaml.YamlReader;
import org.junit.jupiter.api.Test;

/** A spec written for an earlier release resolves against 26.03.1 through the catalog's rename data. */
class SpecRenamesTest {

    private static ResolvedPlatform resolve(String release, String components, Catalogs catalogs) {
        return PlatformResolver.resolve(
                PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  release: "%s"
                  components:
                %s""".formatted(release, components.indent(4)), "platform.yaml"), catalogs);
    }

    @Test
    void mergedComponentsMapWithOneLineNotices() {
        ResolvedPlatform p = resolve("26.03.1", """
                - name: centraldashboard
                  variant: oauth2-proxy
                - name: profiles
                - name: pvcviewer-controller
                  wave: 2
                """, Catalogs.builtin());

        assertThat(p.appIds()).contains("dashboard", "notebooks-v1").doesNotContain("centraldashboard", "profiles");
        assertThat(p.app("dashboard").orElseThrow().variant().name()).isEqualTo("istio");
        assertThat(p.app("notebooks-v1").orElseThrow().pinnedWave()).isEqualTo(2);
        assertThat(p.notices())
                .allMatch(f -> f.severity() == Severity.INFO)
                .extracting(Finding::message)
                .containsExactly(
                        "centraldashboard is part of dashboard in 26.03.1 (variant oauth2-proxy is istio)",
                        "profiles is part of dashboard in 26.03.1",
                        "pvcviewer-controller is part of notebooks-v1 in 26.03.1");
    }

    @Test
    void mergedEntriesThatDisagreeMustBecomeOne() {
        InputException e =
                catchThrowableOfType(InputException.class, () -> resolve("26.03.1", """
                - name: centraldashboard
                  enabled: false
                - name: profiles
                  enabled: true
                """, Catalogs.builtin()));

        assertThat(e.getMessage())
                .isEqualTo("centraldashboard and profiles are both dashboard in release 26.03.1, and the spec "
                        + "sets their enabled differently (line 6)");
        assertThat(e.hint()).isEqualTo("write one entry for dashboard");
    }

    @Test
    void removedComponentIsAnErrorNamingTheRelease() {
        InputException e =
                catchThrowableOfType(InputException.class, () -> resolve("26.03.1", """
                - name: networkpolicies
                """, Catalogs.builtin()));

        assertThat(e.getMessage()).startsWith("component 'networkpolicies' was removed in release 26.03.1");
    }

    @Test
    void splitComponentAsksWhereTheChoiceMatters() {
        String catalog = """
                release: "27.0"
                repo: https://github.com/kubeflow/community-distribution.git
                revision: "27.0"
                renames:
                  - {from: "26.03.1", component: dashboard, kind: split, into: [dashboard-ui, profiles]}
                components:
                  - id: dashboard-ui
                    description: d
                    namespace: kubeflow
                    example: true
                    variants: [{name: default, paths: [a]}]
                  - id: profiles
                    description: p
                    namespace: kubeflow
                    example: true
                    variants: [{name: default, paths: [b]}]
                """;
        Catalogs catalogs = Catalogs.builtin()
                .with(
                        Catalogs.parse(
                                "27.0",
                                YamlReader.forUserFiles()
                                        .parseAll(catalog, "27.0.yaml")
                                        .get(0),
                                "27.0.yaml"),
                        null,
                        "27.0.yaml");

        ResolvedPlatform plain = resolve("27.0", "- name: dashboard\n", catalogs);
        assertThat(plain.notices())
                .extracting(Finding::message)
                .containsExactly(
                        "dashboard is split into dashboard-ui and profiles in 27.0: the entry applies to all of them");
        InputException e = catchThrowableOfType(InputException.class, () -> resolve("27.0", """
                - name: dashboard
                  wave: 3
                """, catalogs));
        assertThat(e.getMessage()).contains("was split into dashboard-ui and profiles in release 27.0");
        assertThat(e.hint()).isEqualTo("write the entry for dashboard-ui or profiles instead of dashboard");
    }
}
