package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering without kustomize or kubectl on PATH: a clear error and exit 2, in a real process. */
class NoKustomizeTest {

    @TempDir
    Path tree;

    @Test
    void planWithUpstreamNeedsKustomize() throws Exception {
        // a tree kfboot derives its components from (an example kustomization and one application): detection
        // fails before anything renders
        Files.createDirectories(tree.resolve("example"));
        Files.writeString(tree.resolve("example/kustomization.yaml"), "resources:\n- ../applications/app/base\n");
        Files.createDirectories(tree.resolve("applications/app/base"));
        Files.writeString(tree.resolve("applications/app/base/kustomization.yaml"), "resources: []\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.kfboot.cli.Main",
                "plan",
                "-q",
                "--upstream",
                tree.toString()));
        pb.environment().put("PATH", "/nonexistent");
        pb.environment().remove("KFBOOT_KUSTOMIZE");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err)
                .startsWith("kfboot: error: neither kustomize nor kubectl found on PATH")
                .contains("hint: install kustomize")
                .doesNotContain("\tat ");
    }
}
