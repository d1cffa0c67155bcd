package dev.kfboot.cli;

import dev.kfboot.testing.UpstreamData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Rendering without kustomize or kubectl on PATH: a clear error and exit 2, in a real process. */
class NoKustomizeTest {

    @Test
    void planWithUpstreamNeedsKustomize() throws Exception {
        Path tree = UpstreamData.repoRoot(); // any existing directory: detection fails before rendering
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.kfboot.cli.Main", "plan", "-q", "--upstream", tree.toString()));
        pb.environment().put("PATH", "/nonexistent");
        pb.environment().remove("KFBOOT_KUSTOMIZE");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).startsWith("kfboot: error: neither kustomize nor kubectl found on PATH")
                .contains("hint: install kustomize").doesNotContain("\tat ");
    }
}
