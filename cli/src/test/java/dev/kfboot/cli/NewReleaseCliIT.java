package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "done when" through the command line on 26.03.1, the release upstream reorganised: generate (fork layout)
 * then validate gives 0 errors; the same tree as one kfboot has no catalog for goes through init, generate and validate
 * with no spec written by hand, labelled honestly; and a release scanned into a catalog file plans as the built-in one.
 */
class NewReleaseCliIT {

    static final String REPO_URL = "https://github.com/kubeflow/community-distribution.git";

    @TempDir
    Path dir;

    /**
     * The render flags: the shared remote cache, and a 4g cap per kustomize. kserve's kustomize run exceeded the 2g
     * default address-space cap on the shared 2-core test machine under a load of 10 (it renders under it when the
     * machine is idle): this test is about releases, not about that cap.
     */
    private static List<String> render(String... args) {
        List<String> out = new ArrayList<>(List.of(args));
        out.addAll(List.of("--remote-cache", UpstreamData.remoteCache().toString(), "--render-memory", "4g"));
        return out;
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    /** generate with the render flags and the suite's render cache: the same components render once. */
    private static CliRun generate(String... args) {
        List<String> all = render(args);
        all.add(0, "generate");
        all.addAll(List.of("--cache-dir", UpstreamData.renderCache().toString()));
        return run(all);
    }

    private static CliRun validate(Path tree, Path root) {
        return run(render(
                "validate",
                tree.toString(),
                "--repo-root",
                root.toString(),
                "--cache-dir",
                UpstreamData.renderCache().toString(),
                "-q",
                "--repo-url",
                REPO_URL));
    }

    @Test
    void aForkOf26031GeneratesATreeThatValidatesWithNoErrors() {
        Kustomize.required();
        Path fork = UpstreamFork.copy("26.03.1", dir.resolve("fork"));
        Path out = fork.resolve("argocd");

        CliRun generate = generate(
                "--upstream",
                fork.toString(),
                "--layout",
                "fork",
                "--out",
                out.toString(),
                "--path-in-repo",
                "argocd",
                "-q");
        assertThat(generate.code()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("kubeflow-dashboard", "kubeflow-notebooks-v1", "kubeflow-model-catalog");

        CliRun validate = validate(out, fork);
        assertThat(validate.out()).doesNotContain(": error: ").doesNotContain("[missing-component]");
        assertThat(validate.code()).as(validate.out()).isZero();
    }

    @Test
    void aTreeKfbootHasNoCatalogForNeedsNoSpecAndIsLabelledHonestly() throws Exception {
        Kustomize.required();
        Path tree = UpstreamFork.unseen("26.03.1", dir.resolve("manifests"));
        Path spec = dir.resolve("platform.yaml");
        Path out = tree.resolve("argocd");
        String label = "unknown (derived from " + tree.resolve("example") + ")";

        CliRun init = CliRun.of("init", "--upstream", tree.toString(), "--out", spec.toString());
        assertThat(init.code()).as(init.err()).isZero();
        CliRun generate = generate(
                "-f",
                spec.toString(),
                "--upstream",
                tree.toString(),
                "--layout",
                "fork",
                "--out",
                out.toString(),
                "--path-in-repo",
                "argocd");
        assertThat(generate.code()).as(generate.err()).isZero();
        assertThat(generate.err()).contains("release " + label).doesNotContain("error:");
        // no spec at all writes the same tree: only the provenance comments (which spec) differ
        CliRun noSpec = generate(
                "--upstream",
                tree.toString(),
                "--layout",
                "fork",
                "--out",
                out.toString(),
                "--path-in-repo",
                "argocd",
                "--diff",
                "-q");
        List<String> changed = noSpec.out()
                .lines()
                .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
                .toList();
        assertThat(changed)
                .as(noSpec.err())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l)
                        .matches("[-+]#? ?Generated by (`?kfboot generate`? \\(fork layout\\)|kfboot) from ("
                                + Pattern.quote(spec.toString()) + "|the built-in default platform)[:.].*"));

        CliRun validate = validate(out, tree);
        assertThat(validate.code()).as(validate.out()).isZero();
        assertThat(validate.out())
                .doesNotContain(": error: ")
                .contains("info: [missing-component] release " + label
                        + ": no catalog for it (no git checkout, no README version table), so its ")
                .contains("components come from the example")
                .doesNotContain("Kubeflow 26.03")
                .doesNotContain("v1.11.0");
    }

    @Test
    void aReleaseScannedIntoACatalogFilePlansAsTheBuiltInOne() throws Exception {
        Kustomize.required();
        Path file = dir.resolve("26.03.1-local.json");

        CliRun scan = run(render(
                "catalog",
                "scan",
                "--upstream",
                UpstreamData.release("26.03.1").toString(),
                "--release",
                "26.03.1-local",
                "--out",
                file.toString(),
                "-q"));
        assertThat(scan.code()).as(scan.err()).isZero();
        assertThat(scan.err()).contains("wrote " + file + " (release 26.03.1-local");

        CliRun fromFile =
                CliRun.of("plan", "-q", "--catalog", file.toString(), "--release", "26.03.1-local", "-o", "json");
        CliRun builtIn = CliRun.of("plan", "-q", "--release", "26.03.1", "-o", "json");
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(builtIn.code()).as(builtIn.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(fromFile.out());
        JsonNode b = json.readTree(builtIn.out());
        assertThat(a.get("release").asText()).isEqualTo("26.03.1-local");
        assertThat(a.get("waves")).isEqualTo(b.get("waves"));
        assertThat(a.get("dependencies")).isEqualTo(b.get("dependencies"));
        // without the file kfboot does not know the release
        CliRun without = CliRun.of("plan", "-q", "--release", "26.03.1-local", "-o", "json");
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).contains("unknown release '26.03.1-local'");
    }
}
