package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's "done when": the tree {@code kfboot generate} writes for 26.03 (fork layout, inside a copy of the
 * 26.03 manifests) validates with 0 errors.
 */
class GeneratedTreeValidatesIT {

    @TempDir
    Path fork;

    @Test
    void theGeneratedForkTreeHasNoErrors() {
        Assumptions.assumeTrue(
                KfbootCommand.commandLine().getSubcommands().containsKey("generate"),
                "kfboot generate is not on this branch");
        Kustomize.required();
        UpstreamFork.copy("26.03", fork);
        Path out = fork.resolve("argocd");

        CliRun generate =
                CliRun.of("generate", "--layout", "fork", "--out", out.toString(), "--path-in-repo", "argocd", "-q");
        assertThat(generate.code()).as(generate.err()).isZero();

        // the copy has no git origin: --repo-url says which repository it is (issue 16 cause 5)
        CliRun validate = validate(out, "-q");
        assertThat(validate.out()).doesNotContain(": error: ");
        assertThat(validate.code()).as(validate.out()).isZero();
    }

    /** validate of a generated tree in the fork, through the suite's shared render cache (its key covers all). */
    private CliRun validate(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "validate",
                dir.toString(),
                "--repo-root",
                fork.toString(),
                "--cache-dir",
                UpstreamData.renderCache().toString(),
                "--repo-url",
                FORK_URL,
                "--remote-cache",
                UpstreamData.remoteCache().toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** kfboot generate of the 26.03 platform with {@code spec} (lines under spec:) into {@code dir} of the fork. */
    private Path generated(Path work, String dir, String spec, String... more) throws Exception {
        Path file = work.resolve("platform.yaml");
        Files.writeString(
                file,
                "apiVersion: kfboot.dev/v1alpha1\nkind: Platform\nmetadata:\n  name: kf\nspec:\n  release: \"26.03\"\n"
                        + spec);
        Path out = fork.resolve(dir);
        List<String> args = new ArrayList<>(List.of(
                "generate",
                "-f",
                file.toString(),
                "--layout",
                "fork",
                "--out",
                out.toString(),
                "--path-in-repo",
                dir,
                "-q"));
        args.addAll(List.of(more));
        CliRun generate = CliRun.of(args.toArray(String[]::new));
        assertThat(generate.code()).as(generate.err()).isZero();
        return out;
    }

    static final String FORK_URL = "https://github.com/kubeflow/manifests.git";

    /**
     * Issue 16 cause 8: a tree generated with spec.environments validates with 0 errors from the base (three apps of
     * apps) and from each environment's directory (Argo CD's namespace exists; the base's health check counts).
     */
    @Test
    void aTreeWithEnvironmentsHasNoErrorsFromTheBaseOrAnyEnvironment(@TempDir Path work) throws Exception {
        Kustomize.required();
        UpstreamFork.copy("26.03", fork);
        Path out = generated(work, "argocd", """
                  argocd:
                    namespace: gitops
                  environments:
                    - name: staging
                      revision: staging
                      destination:
                        name: staging-cluster
                    - name: production
                """);

        // the base and each environment render the same apps: the shared render cache serves them
        for (Path dir : List.of(out, out.resolve("envs/staging"), out.resolve("envs/production"))) {
            CliRun validate = validate(dir);
            assertThat(validate.out()).as(dir.toString()).doesNotContain(": error: ");
            assertThat(validate.code()).as(validate.out()).isZero();
            if (dir.equals(out)) assertThat(validate.err()).contains("(3 apps of apps)");
        }
    }

    /**
     * The fleet tree ({@code --applicationset}): one ApplicationSet whose RollingSync steps are the waves. Its apps
     * are ordered by those steps, so the ordering rules find nothing, and its templatePatch gives them their sync
     * options and ignoreDifferences.
     */
    @Test
    void theApplicationSetFleetTreeHasNoErrors(@TempDir Path work) throws Exception {
        Kustomize.required();
        UpstreamFork.copy("26.03", fork);
        Path out = generated(work, "fleet", """
                  clusters:
                    - {name: eu-1, server: "https://eu-1.example.com:6443", labels: {region: eu}}
                """, "--applicationset");

        CliRun validate = validate(out);
        assertThat(validate.out()).doesNotContain(": error: ").doesNotContain("[missing-sync-wave]");
        // its templatePatch (sync options, ignoreDifferences) is filled in and merged, as Argo CD does
        assertThat(validate.out()).doesNotContain("templatePatch").doesNotContain("[injected-field-drift]");
        assertThat(validate.code()).as(validate.out()).isZero();
    }
}
