package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Golden;
import dev.kfboot.testing.UpstreamFork;
import dev.kfboot.validate.rules.Rules;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kfboot validate} on a small tree of plain-manifest apps (no kustomize needed): output formats, exit
 * codes, unusable input.
 */
class ValidateCommandTest {

    @TempDir
    Path repo;

    @BeforeEach
    void smallTree() {
        UpstreamFork.copyTree(Path.of("src/test/resources/trees/small"), repo);
    }

    private CliRun validate(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "validate",
                repo.resolve("tree").toString(),
                "--repo-root",
                repo.toString(),
                "--no-cache",
                "-q",
                "--repo-url",
                "https://github.com/acme/platform.git")); // the copy has no git origin
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void jsonAndYamlMatchTheGoldens() {
        OutputGoldens.assertMatch(
                "validate-small",
                repo,
                ExitCodes.FINDINGS,
                "validate",
                repo.resolve("tree").toString(),
                "--repo-root",
                repo.toString(),
                "--no-cache",
                "-q",
                "--repo-url",
                "https://github.com/acme/platform.git");
    }

    @Test
    void textIsCompilerStyleSortedAndEndsWithASummary() {
        CliRun r = validate();

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEmpty();
        Golden.assertMatches("validate-small.txt", r.out());
    }

    @Test
    void warningsFailOnlyWithStrictAndACleanTreeExitsZero() throws Exception {
        Files.delete(repo.resolve("tree/apps/web-apps.yaml"));
        Files.writeString(repo.resolve("manifests/dashboard/deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: dashboard, namespace: team}
                spec:
                  template:
                    spec:
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: dashboard
                          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                """);
        CliRun warnings = validate();
        assertThat(warnings.code()).isZero();
        assertThat(warnings.out())
                .contains("[plaintext-secret]")
                .endsWith("kfboot validate: 2 apps, 2 objects: 0 errors, 1 warning, 0 info\n");
        assertThat(validate("--strict").code()).isEqualTo(ExitCodes.FINDINGS);

        Files.delete(repo.resolve("manifests/dashboard/secret.yaml"));
        CliRun clean = validate("--strict");
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).isEqualTo("kfboot validate: 2 apps, 1 objects: 0 errors, 0 warnings, 0 info\n");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        CliRun r = validate("-o", "json");

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode root = Json.mapper().readTree(r.out());
        assertThat(root.get("summary").toString())
                .isEqualTo("{\"errors\":3,\"warnings\":2,\"infos\":0,\"suppressed\":0,\"unverified\":[]}");
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("rule").asText()).isEqualTo("pss-violation");
        assertThat(first.get("file").asText()).isEqualTo("tree/apps/dashboard.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(12);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("rule", "severity", "app", "resource", "file", "line", "message", "hint");
        assertThat(r.out()).doesNotContain("hunter2").contains("(password)");
    }

    @Test
    void sarifIsVersion210WithRulesAndRelativeLocations() throws Exception {
        CliRun r = validate("-o", "sarif", "--docs-url", "https://kfboot.example/repo");

        JsonNode sarif = Json.mapper().readTree(r.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("kfboot");
        assertThat(run.get("tool").get("driver").get("rules"))
                .hasSize(Rules.all().size());
        assertThat(run.get("tool")
                        .get("driver")
                        .get("rules")
                        .get(0)
                        .get("helpUri")
                        .asText())
                .isEqualTo("https://kfboot.example/repo/docs/rules/path-not-found.md");
        assertThat(run.get("results")).hasSize(5);
        for (JsonNode res : run.get("results")) {
            String uri = res.get("locations")
                    .get(0)
                    .get("physicalLocation")
                    .get("artifactLocation")
                    .get("uri")
                    .asText();
            assertThat(uri).startsWith("tree/").doesNotStartWith("/");
            assertThat(res.get("locations")
                            .get(0)
                            .get("physicalLocation")
                            .get("region")
                            .get("startLine")
                            .asInt())
                    .isPositive();
        }
    }

    @Test
    void listRulesNamesEveryRule() {
        CliRun r = CliRun.of("validate", "--list-rules");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(Rules.all().size());
        assertThat(r.out())
                .containsPattern("(?m)^duplicate-resource +error +One object is rendered by two Applications");
    }

    @Test
    void unusableInputIsOneLineAndExitTwo() throws Exception {
        CliRun missing = CliRun.of("validate", repo.resolve("nope").toString(), "--no-cache");
        assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err()).contains("nope: not a directory").contains("hint:");
        assertThat(missing.noStackTrace()).isTrue();

        Files.writeString(
                repo.resolve("tree/apps/dashboard.yaml"),
                "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n\tname: x\n");
        CliRun broken = validate();
        assertThat(broken.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(broken.err())
                .containsPattern("dashboard.yaml:4: invalid YAML")
                .contains("hint: indent with spaces");
        assertThat(broken.noStackTrace()).isTrue();

        CliRun badSource = validate("--source", "https://github.com/kubeflow/manifests=" + repo.resolve("absent"));
        assertThat(badSource.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(badSource.err())
                .contains("--source https://github.com/kubeflow/manifests=")
                .contains("not a directory");

        // no DIR validates the current directory (the cli module: no Argo CD objects), never a usage error
        CliRun here =
                CliRun.of("validate", "-q", "--cache-dir", repo.resolve("cache").toString());
        assertThat(here.err()).doesNotContain("validate needs");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun r = CliRun.of("validate", "--help");
        assertThat(r.out())
                .contains("--cache-dir=DIR")
                .contains("--no-cache")
                .contains("--source=URL=DIR")
                .contains("1   error findings (or warnings with --strict)");
    }

    /** A writer other threads can read while a command still writes to it. */
    private static final class LiveText extends Writer {
        private final StringBuffer text = new StringBuffer();

        @Override
        public void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        int count(String s) {
            String all = text.toString();
            int n = 0;
            for (int i = all.indexOf(s); i >= 0; i = all.indexOf(s, i + 1)) n++;
            return n;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void watchValidatesAgainOnEachChangeAndWaitsOutAHalfSavedFile() throws Exception {
        LiveText out = new LiveText();
        LiveText err = new LiveText();
        AtomicInteger code = new AtomicInteger(-1);
        Thread watching = new Thread(() -> code.set(Main.run(
                new String[] {
                    "validate",
                    repo.resolve("tree").toString(),
                    "--repo-root",
                    repo.toString(),
                    "--repo-url",
                    "https://github.com/acme/platform.git",
                    "--cache-dir",
                    repo.resolve(".cache").toString(),
                    "-o",
                    "json",
                    "--watch"
                },
                new PrintWriter(out),
                new PrintWriter(err))));
        watching.start();
        try {
            await("the first run", () -> out.count("\"summary\"") == 1 && err.count("watching") == 1);
            assertThat(out.toString()).contains("plaintext-secret");

            Files.delete(repo.resolve("manifests/dashboard/secret.yaml"));
            await("the run after the change", () -> out.count("\"summary\"") == 2);
            assertThat(err.toString())
                    .contains("kfboot validate: manifests/dashboard/secret.yaml changed: validating again");
            String second = out.toString().substring(out.toString().lastIndexOf("\"findings\""));
            // the one warning left is app-health-check-missing: the tree does not write argocd-cm
            assertThat(second).doesNotContain("plaintext-secret").contains("\"warnings\": 1");

            Path app = repo.resolve("tree/apps/dashboard.yaml");
            String saved = Files.readString(app);
            Files.writeString(app, saved.replace("  name:", "\tname:"));
            await("the error of the half-saved file", () -> err.count("kfboot: error:") == 1);
            assertThat(err.toString()).contains("dashboard.yaml:").contains("hint:");
            assertThat(watching.isAlive()).isTrue();

            Files.writeString(app, saved);
            await("the run after the repair", () -> out.count("\"summary\"") == 3);
            Thread.sleep(500);
            assertThat(out.count("\"summary\"")).as("no run without a change").isEqualTo(3);
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertThat(watching.isAlive()).isFalse();
        assertThat(code.get()).isEqualTo(ExitCodes.FINDINGS); // as the last run found errors
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void watchWithSarifOrOnAMissingTreeIsUnusableInput() {
        CliRun sarif = validate("-o", "sarif", "--watch");
        assertThat(sarif.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(sarif.err()).contains("--watch prints text or JSON");

        CliRun missing = CliRun.of("validate", repo.resolve("nope").toString(), "--no-cache", "--watch");
        assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err()).contains("nope: not a directory");
    }
}
