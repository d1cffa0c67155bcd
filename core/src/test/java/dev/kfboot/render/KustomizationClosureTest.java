package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizationClosureTest {

    private static final String REMOTE = "https://github.com/argoproj/argo-workflows//manifests/base?ref=v3.7.3";

    @TempDir
    Path tree;

    private void write(String path, String text) throws IOException {
        Path p = tree.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Path at(String path) {
        return tree.toAbsolutePath().normalize().resolve(path);
    }

    private void writeTree() throws IOException {
        write("app/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../base
                  - deployment.yaml
                  - %s
                  - missing.yaml
                patches:
                  - path: patch.yaml
                  - patch: |-
                      - op: add
                        path: /metadata/labels/x
                        value: y
                configMapGenerator:
                  - name: cfg
                    files:
                      - config.json
                      - renamed.txt=data/raw.txt
                    envs:
                      - params.env
                components:
                  - ../components/extra
                """.formatted(REMOTE));
        write("app/deployment.yaml", "kind: Deployment\n");
        write("app/patch.yaml", "kind: Deployment\n");
        write("app/config.json", "{}\n");
        write("app/data/raw.txt", "raw\n");
        write("app/params.env", "A=1\n");
        write("base/kustomization.yml", "resources: [service.yaml]\n");
        write("base/service.yaml", "kind: Service\n");
        write("base/README.md", "not referenced\n");
        write("components/extra/Kustomization", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                resources: [configmap.yaml]
                """);
        write("components/extra/configmap.yaml", "kind: ConfigMap\n");
        write("unrelated/kustomization.yaml", "resources: [x.yaml]\n");
    }

    @Test
    void walksEveryDirectoryAKustomizationReaches() throws IOException {
        writeTree();

        KustomizationClosure c = KustomizationClosure.walk(List.of(tree.resolve("app")));

        assertThat(c.dirs()).containsExactlyInAnyOrder(at("app"), at("base"), at("components/extra"));
    }

    @Test
    void recordsTheKustomizationsAndEveryFileTheyName() throws IOException {
        writeTree();

        KustomizationClosure c = KustomizationClosure.walk(List.of(tree.resolve("app")));

        assertThat(c.files())
                .containsExactlyInAnyOrder(
                        at("app/kustomization.yaml"),
                        at("app/deployment.yaml"),
                        at("app/patch.yaml"),
                        at("app/config.json"),
                        at("app/data/raw.txt"),
                        at("app/params.env"),
                        at("base/kustomization.yml"),
                        at("base/service.yaml"),
                        at("components/extra/Kustomization"),
                        at("components/extra/configmap.yaml"));
    }

    @Test
    void recordsRemoteUrlsAndTheKustomizationsHoldingThem() throws IOException {
        writeTree();

        KustomizationClosure c = KustomizationClosure.walk(List.of(tree.resolve("app")));

        assertThat(c.remoteUrls()).containsExactly(REMOTE);
        assertThat(c.kustomizationsWithRemotes()).containsExactly(at("app/kustomization.yaml"));
    }

    @Test
    void filesToCopyAddsUnreferencedFilesOfTheClosureDirectories() throws IOException {
        writeTree();

        KustomizationClosure c = KustomizationClosure.walk(List.of(tree.resolve("app")));

        assertThat(c.filesToCopy())
                .contains(at("base/README.md"), at("app/data/raw.txt"))
                .doesNotContain(at("unrelated/kustomization.yaml"));
    }

    @Test
    void directoryWithoutKustomizationIsReachedButAddsNoFiles() throws IOException {
        write("plain/file.yaml", "kind: ConfigMap\n");

        KustomizationClosure c = KustomizationClosure.walk(List.of(tree.resolve("plain")));

        assertThat(c.dirs()).containsExactly(at("plain"));
        assertThat(c.files()).isEmpty();
        assertThat(c.remoteUrls()).isEmpty();
    }

    @Test
    void cyclesBetweenKustomizationsEndTheWalk() throws IOException {
        write("a/kustomization.yaml", "resources: [../b]\n");
        write("b/kustomization.yaml", "resources: [../a]\n");

        KustomizationClosure c = KustomizationClosure.walk(List.of(tree.resolve("a")));

        assertThat(c.dirs()).containsExactlyInAnyOrder(at("a"), at("b"));
    }

    @Test
    void unparsableKustomizationIsStillRecorded() throws IOException {
        write("bad/kustomization.yaml", "resources: [unclosed\n");

        KustomizationClosure c = KustomizationClosure.walk(List.of(tree.resolve("bad")));

        assertThat(c.files()).containsExactly(at("bad/kustomization.yaml"));
    }
}
