package dev.kfboot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformReaderTest {

    private static InputException parseFailure(String yaml) {
        return catchThrowableOfType(InputException.class, () -> PlatformReader.parse(yaml, "platform.yaml"));
    }

    @Test
    void readsAValidSpec() {
        Platform p = PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: ml-prod
                spec:
                  release: "26.03"
                  repo:
                    url: https://git.example.com/fork/manifests.git
                    revision: "main"
                    path: kubeflow
                  components:
                    - name: model-registry
                      enabled: true
                      variant: postgres
                    - name: katib
                      enabled: false
                    - name: kserve
                      dependsOn: [knative-serving]
                      wave: 4
                """, "platform.yaml");

        assertThat(p.name()).isEqualTo("ml-prod");
        assertThat(p.release()).isEqualTo("26.03");
        assertThat(p.source()).isEqualTo(new Location("platform.yaml", 0));
        assertThat(p.repo()).isEqualTo(new Repo("https://git.example.com/fork/manifests.git", "main", "kubeflow"));
        assertThat(p.components())
                .containsExactly(
                        new ComponentSetting(
                                "model-registry", true, "postgres", List.of(), null, new Location("platform.yaml", 12)),
                        new ComponentSetting("katib", false, null, List.of(), null, new Location("platform.yaml", 15)),
                        new ComponentSetting(
                                "kserve",
                                null,
                                null,
                                List.of("knative-serving"),
                                4,
                                new Location("platform.yaml", 17)));
    }

    @Test
    void minimalSpecTakesDefaults() {
        Platform p = PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec: {}
                """, "platform.yaml");

        assertThat(p.name()).isEqualTo("kubeflow");
        assertThat(p.release()).isNull();
        assertThat(p.repo()).isEqualTo(new Repo(null, null, ""));
        assertThat(p.components()).isEmpty();
    }

    @Test
    void wrongApiVersionIsRefusedAtItsLine() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1
                kind: Platform
                spec: {}
                """);

        assertThat(e.getMessage()).isEqualTo("unsupported apiVersion 'kfboot.dev/v1'");
        assertThat(e.location()).isEqualTo(new Location("platform.yaml", 1));
        assertThat(e.hint()).isEqualTo("write apiVersion: kfboot.dev/v1alpha1");
    }

    @Test
    void wrongKindIsRefusedAtItsLine() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Application
                spec: {}
                """);

        assertThat(e.getMessage()).isEqualTo("expected kind Platform, found 'Application'");
        assertThat(e.location().line()).isEqualTo(2);
    }

    @Test
    void missingSpecIsRefused() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: kubeflow
                """);

        assertThat(e.getMessage()).isEqualTo("missing required field 'spec'");
        assertThat(e.location()).isEqualTo(new Location("platform.yaml", 1));
    }

    @Test
    void invalidMetadataNameIsRefused() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: Kubeflow_Prod
                spec: {}
                """);

        assertThat(e.getMessage()).isEqualTo("metadata.name 'Kubeflow_Prod' is not a valid Kubernetes name");
        assertThat(e.location().line()).isEqualTo(3);
    }

    @Test
    void metadataNameLongerThan53CharactersIsRefused() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: %s
                spec: {}
                """.formatted("a".repeat(54)));

        assertThat(e.getMessage()).contains("is not a valid Kubernetes name");
    }

    @Test
    void repoPathWithDotDotIsRefused() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  repo:
                    path: manifests/../../etc
                """);

        assertThat(e.getMessage())
                .isEqualTo("spec.repo.path 'manifests/../../etc' must be relative to the repository root");
        assertThat(e.location().line()).isEqualTo(5);
    }

    @Test
    void repoPathWithLeadingSlashIsRefused() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  repo:
                    path: /srv/manifests
                """);

        assertThat(e.getMessage()).contains("must be relative to the repository root");
        assertThat(e.location().line()).isEqualTo(5);
    }

    @Test
    void repoPathThatOnlyStartsWithDotsIsFine() {
        Platform p = PlatformReader.parse("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  repo:
                    path: ..manifests/a/../b
                """, "platform.yaml");

        assertThat(p.repo().path()).isEqualTo("..manifests/a/../b");
    }

    @Test
    void unknownFieldInAComponentEntryIsRefused() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  components:
                    - name: katib
                      enable: false
                """);

        assertThat(e.getMessage()).isEqualTo("unknown field 'enable' in spec.components[0]");
        assertThat(e.location().line()).isEqualTo(6);
        assertThat(e.hint()).isEqualTo("known fields: dependsOn, enabled, name, sync, variant, wave");
    }

    @Test
    void unquotedRevisionIsRefusedWithAQuoteItHint() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  repo:
                    revision: 1.10
                """);

        assertThat(e.getMessage()).isEqualTo("spec.repo.revision must be a string, found the float 1.10");
        assertThat(e.hint()).isEqualTo("quote it: revision: \"1.10\"");
    }

    @Test
    void emptyFileIsRefused() {
        InputException e = parseFailure("# nothing yet\n");

        assertThat(e.getMessage()).isEqualTo("the file holds no YAML document");
    }

    @Test
    void twoDocumentsAreRefusedAtTheSecond() {
        InputException e = parseFailure("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec: {}
                ---
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec: {}
                """);

        assertThat(e.getMessage()).isEqualTo("expected one YAML document, found 2");
        assertThat(e.location().line()).isEqualTo(5);
    }
}
