package dev.kfboot.cli;

import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's "done when": the tree {@code kfboot generate} writes for 26.03 (fork layout, inside a copy of the
 * 26.03 manifests) validates with 0 errors.
 */
class GeneratedTreeValidatesIT {

    @TempDir Path fork;

    @Test
    void theGeneratedForkTreeHasNoErrors() {
        Assumptions.assumeTrue(KfbootCommand.commandLine().getSubcommands().containsKey("generate"),
                "kfboot generate is not on this branch");
        Kustomize.required();
        UpstreamFork.copy("26.03", fork);
        Path out = fork.resolve("argocd");

        CliRun generate = CliRun.of("generate", "--layout", "fork", "--out", out.toString(), "--path-in-repo", "argocd", "-q");
        assertThat(generate.code()).as(generate.err()).isZero();

        CliRun validate = CliRun.of("validate", out.toString(), "--repo-root", fork.toString(), "--cache-dir", UpstreamData.renderCache().toString(), "-q",
                "--remote-cache", UpstreamData.remoteCache().toString());
        assertThat(validate.out()).doesNotContain(": error: ");
        assertThat(validate.code()).as(validate.out()).isZero();
    }
}
