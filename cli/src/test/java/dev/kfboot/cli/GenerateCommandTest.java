package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Kustomize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    private CliRun generate(Path out, String... more) {
        String[] args = new String[more.length + 6];
        args[0] = "generate";
        args[1] = "-q";
        args[2] = "--out";
        args[3] = out.toString();
        args[4] = "--path-in-repo";
        args[5] = "argocd";
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun r = CliRun.of("generate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains(
                        "--layout",
                        "--env",
                        "--applicationset",
                        "--diff",
                        "--force",
                        "Exit codes:",
                        "tree edited by hand");
        assertThat(CliRun.of("update-repo-url", "--help").out()).contains("--dry-run", "Exit codes:");
    }

    @Test
    void writesTheDefaultTreeAndRegeneratesNothingTheSecondTime() {
        Path out = tmp.resolve("argocd");
        CliRun first = generate(out);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .startsWith("Wrote " + out + " (fork layout): 27 apps in 5 waves, 49 files added")
                .contains("The root app reads argocd/apps from https://github.com/kubeflow/manifests.git at 26.03.")
                .containsPattern("(?m)^3 +kubeflow-kserve +kubeflow +automated +overlays/kserve +PruneLast,")
                .contains("kubectl apply -f " + out.resolve("root-app.yaml"));
        assertThat(out.resolve("apps/kserve.yaml")).exists();
        CliRun second = generate(out);
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("0 files added, 0 changed, 0 removed");
        CliRun diff = generate(out, "--diff");
        assertThat(diff.code()).isZero();
        assertThat(diff.out()).isEmpty();
    }

    @Test
    void handEditsAreRefusedShownAndOverwrittenOnlyWithForce() throws Exception {
        Path out = tmp.resolve("argocd");
        generate(out);
        Path kserve = out.resolve("apps/kserve.yaml");
        String edited = Files.readString(kserve).replace("limit: 5", "limit: 50");
        Files.writeString(kserve, edited);
        CliRun refused = generate(out);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err())
                .contains("the tree was changed by hand since kfboot wrote it: apps/kserve.yaml (edited)")
                .contains("hint: see the changes with --diff");
        assertThat(refused.noStackTrace()).isTrue();
        assertThat(kserve).hasContent(edited.strip());
        CliRun diff = generate(out, "--diff");
        assertThat(diff.code()).isEqualTo(1);
        assertThat(diff.out()).contains("--- a/apps/kserve.yaml", "-      limit: 50", "+      limit: 5");
        assertThat(generate(out, "--force").code()).isZero();
        assertThat(Files.readString(kserve)).contains("limit: 5\n");
    }

    @Test
    void badInputIsOneErrorWithAnExitCodeAndNothingWritten() throws Exception {
        Path out = tmp.resolve("argocd");
        Path spec = tmp.resolve("platform.yaml");
        Files.writeString(spec, """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  syncPolicy:
                    autmated: true
                """);
        CliRun bad = generate(out, "-f", spec.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains("kfboot: error: " + spec + ":5: unknown field 'autmated' in spec.syncPolicy")
                .contains("hint: known fields: automated, prune, retry, selfHeal");
        CliRun env = generate(out, "--env", "qa");
        assertThat(env.code()).isEqualTo(2);
        assertThat(env.err()).contains("unknown environment 'qa'").contains("the spec lists no environments");
        CliRun layout = generate(out, "--layout", "monorepo");
        assertThat(layout.code()).isEqualTo(2);
        assertThat(layout.err()).contains("expected one of [FORK, STANDALONE] (case-insensitive) but was 'monorepo'");
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        CliRun unwritable = generate(file.resolve("argocd"));
        assertThat(unwritable.code()).isEqualTo(2);
        assertThat(unwritable.err()).contains("cannot write the tree");
        for (CliRun r : new CliRun[] {bad, env, layout, unwritable})
            assertThat(r.noStackTrace()).isTrue();
        assertThat(out).doesNotExist();
        assertThat(Files.list(tmp)).containsExactlyInAnyOrder(spec, file);
    }

    @Test
    void forkLayoutOutsideACheckoutAsksWhereTheTreeSits() {
        CliRun r = CliRun.of("generate", "-q", "--out", tmp.resolve("argocd").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not inside a git checkout").contains("--path-in-repo");
        assertThat(tmp.resolve("argocd")).doesNotExist();
    }

    @Test
    void gitCheckoutGivesThePathAndTheOriginAndBranchTheTreeIsPushedTo() throws Exception {
        Path repo = tmp.resolve("gitops");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("prod").call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://example.com/acme/gitops.git");
            git.getRepository().getConfig().save();
        }
        Path out = repo.resolve("clusters/main");
        CliRun fork = CliRun.of("generate", "-q", "--out", out.toString(), "-o", "json");
        assertThat(fork.code()).as(fork.err()).isZero();
        JsonNode f = Json.mapper().readTree(fork.out());
        assertThat(f.get("path").asText()).isEqualTo("clusters/main");
        // the fork layout's Applications read the fork the tree is generated in, on its branch: upstream has no
        // clusters/main/apps to read
        assertThat(f.get("repoURL").asText()).isEqualTo("https://example.com/acme/gitops.git");
        assertThat(f.get("revision").asText()).isEqualTo("prod");
        assertThat(Files.readString(out.resolve("apps/pipelines.yaml")))
                .contains("repoURL: https://example.com/acme/gitops.git")
                .doesNotContain("kubeflow/manifests");
        // the checkout is not a kubeflow/manifests fork: every upstream path is reported missing
        assertThat(f.get("findings").get(0).get("rule").asText()).isEqualTo("path-not-in-checkout");
        CliRun standalone =
                CliRun.of("generate", "-q", "--out", out.toString(), "--layout", "standalone", "-o", "json");
        assertThat(standalone.code()).as(standalone.err()).isZero();
        JsonNode s = Json.mapper().readTree(standalone.out());
        assertThat(s.get("repoURL").asText()).isEqualTo("https://example.com/acme/gitops.git");
        assertThat(s.get("revision").asText()).isEqualTo("prod");
        assertThat(s.get("apps")).hasSize(27);
        assertThat(s.get("changed").size()).isPositive();
        assertThat(Files.readString(out.resolve("root-app.yaml"))).contains("path: clusters/main/apps");
    }

    @Test
    void aCloneOfUpstreamKeepsTheReleaseAndIsToldTheTreeCannotBeReadThere() throws Exception {
        Path repo = tmp.resolve("manifests");
        try (Git git = Git.init()
                .setDirectory(repo.toFile())
                .setInitialBranch("master")
                .call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "git@github.com:kubeflow/manifests");
            git.getRepository().getConfig().save();
        }
        CliRun r = CliRun.of("generate", "-q", "--out", repo.resolve("argocd").toString(), "-o", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode f = Json.mapper().readTree(r.out());
        assertThat(f.get("repoURL").asText()).isEqualTo("https://github.com/kubeflow/manifests.git");
        assertThat(f.get("revision").asText()).isEqualTo("26.03");
        assertThat(f.get("findings").findValuesAsText("rule")).contains("fork-names-upstream");
        // a fork's checkout is read from the fork: nothing to warn about
        Path mine = tmp.resolve("mine");
        try (Git git = Git.init().setDirectory(mine.toFile()).call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://example.com/acme/fork.git");
            git.getRepository().getConfig().save();
        }
        CliRun ok = CliRun.of("generate", "-q", "--out", mine.resolve("argocd").toString(), "-o", "json");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Json.mapper().readTree(ok.out()).path("findings").findValuesAsText("rule"))
                .doesNotContain("fork-names-upstream");
        // 26.03.1 lives in kubeflow/community-distribution; the old name of upstream is upstream all the same
        Path spec = specWithRepo("26.03.1", "https://github.com/kubeflow/manifests");
        CliRun renamed = CliRun.of(
                "generate",
                "-q",
                "-f",
                spec.toString(),
                "--out",
                tmp.resolve("r/argocd").toString(),
                "--path-in-repo",
                "argocd",
                "-o",
                "json");
        assertThat(renamed.code()).as(renamed.err()).isZero();
        assertThat(Json.mapper().readTree(renamed.out()).path("findings").findValuesAsText("rule"))
                .contains("fork-names-upstream");
    }

    @Test
    void forkLayoutKeepsTheRepositoryTheSpecNames() throws Exception {
        Path repo = tmp.resolve("fork");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://example.com/acme/fork.git");
            git.getRepository().getConfig().save();
        }
        Path spec = specWithRepo("26.03", "https://example.com/acme/mirror.git");
        CliRun r = CliRun.of(
                "generate",
                "-q",
                "-f",
                spec.toString(),
                "--out",
                repo.resolve("argocd").toString(),
                "-o",
                "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode f = Json.mapper().readTree(r.out());
        assertThat(f.get("repoURL").asText()).isEqualTo("https://example.com/acme/mirror.git");
        assertThat(f.get("revision").asText()).isEqualTo("26.03");
    }

    /** A clone's origin may carry a token: it never reaches the tree's files (which get pushed) or the terminal. */
    @Test
    void credentialsInOriginOrTheSpecNeverReachTheTree() throws Exception {
        String token = "ghp_SENTINEL5b1e";
        Path repo = tmp.resolve("gitops");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.getRepository()
                    .getConfig()
                    .setString("remote", "origin", "url", "https://bob:" + token + "@example.com/acme/gitops.git");
            git.getRepository().getConfig().save();
        }
        for (String layout : List.of("fork", "standalone")) {
            Path out = repo.resolve(layout);
            CliRun r = CliRun.of("generate", "--out", out.toString(), "--layout", layout);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain(token).contains("https://example.com/acme/gitops.git");
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.filter(Files::isRegularFile).toList())
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(token);
            }
            assertThat(Files.readString(out.resolve("root-app.yaml")))
                    .contains("repoURL: https://example.com/acme/gitops.git");
        }
        Path spec = specWithRepo("26.03", "https://bob:" + token + "@example.com/acme/fork.git");
        Path refused = repo.resolve("refused");
        CliRun r = CliRun.of("generate", "-f", spec.toString(), "--out", refused.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("spec.repo.url carries credentials (https://***@example.com/acme/fork.git)")
                .contains("hint: ")
                .doesNotContain(token);
        assertThat(refused).doesNotExist();
        Path tree = repo.resolve("fork");
        String before = Files.readString(tree.resolve("root-app.yaml"));
        CliRun update = CliRun.of(
                "update-repo-url",
                "--repo",
                "https://x-access-token:" + token + "@example.com/o/r.git",
                tree.toString());
        assertThat(update.code()).isEqualTo(2);
        assertThat(update.out() + update.err()).contains("carries credentials").doesNotContain(token);
        assertThat(Files.readString(tree.resolve("root-app.yaml"))).isEqualTo(before);
    }

    /** The release's default platform with {@code spec.repo.url} set. */
    private Path specWithRepo(String release, String url) throws Exception {
        return Files.writeString(tmp.resolve("platform.yaml"), """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: kubeflow
                spec:
                  release: "%s"
                  repo:
                    url: %s
                """.formatted(release, url));
    }

    @Test
    void updateRepoUrlPrintsEachChangeAndDryRunOnlyTheDiff() throws Exception {
        Path out = tmp.resolve("argocd");
        generate(out);
        String before = Files.readString(out.resolve("root-app.yaml"));
        CliRun dry =
                CliRun.of("update-repo-url", "--repo", "https://example.com/fork.git", "--dry-run", out.toString());
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("--- a/root-app.yaml").contains("+    repoURL: https://example.com/fork.git");
        assertThat(out.resolve("root-app.yaml")).hasContent(before.strip());
        CliRun run = CliRun.of(
                "update-repo-url", "--repo", "https://example.com/fork.git", "--revision", "main", out.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "(?m)^" + Pattern.quote(out.resolve("root-app.yaml").toString())
                                + ":\\d+: repoURL https://github.com/kubeflow/manifests.git -> "
                                + "https://example.com/fork.git$")
                .contains(": targetRevision 26.03 -> main")
                .containsPattern("\\d+ fields changed in \\d+ files");
        CliRun again =
                CliRun.of("update-repo-url", "--repo", "https://example.com/fork.git", "-o", "json", out.toString());
        assertThat(Json.mapper().readTree(again.out()).get("changes")).isEmpty();
        assertThat(generate(out, "--diff").code()).isEqualTo(1);
        CliRun notATree = CliRun.of("update-repo-url", "--repo", "https://x/y.git", tmp.toString());
        assertThat(notATree.code()).isEqualTo(2);
        assertThat(notATree.err()).contains("not a tree kfboot generated");
    }

    @Test
    void jsonAndYamlMatchTheGoldens() throws Exception {
        Path out = tmp.resolve("argocd");
        Path terraform = tmp.resolve("terraform");
        // json writes the tree (every file added), yaml finds it written (every file kept as it is)
        OutputGoldens.assertMatch(
                "generate",
                tmp,
                0,
                "generate",
                "-q",
                "--out",
                out.toString(),
                "--path-in-repo",
                "argocd",
                "--terraform",
                terraform.toString());
        OutputGoldens.assertMatch(
                "generate-terraform-only",
                tmp,
                0,
                "generate",
                "-q",
                "--terraform",
                tmp.resolve("tf").toString(),
                "--path-in-repo",
                "argocd");
        OutputGoldens.assertMatch(
                "update-repo-url-dry-run",
                tmp,
                0,
                "update-repo-url",
                "--repo",
                "https://example.com/fork.git",
                "--revision",
                "main",
                "--dry-run",
                out.toString());
        Path repo = tmp.resolve("gitops");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("prod").call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://example.com/acme/gitops.git");
            git.getRepository().getConfig().save();
        }
        // a checkout that is no kubeflow/manifests fork: the tree carries findings
        OutputGoldens.assertMatch(
                "generate-findings",
                tmp,
                0,
                "generate",
                "-q",
                "--out",
                repo.resolve("clusters/main").toString());
    }

    @Test
    void demoAlsoGeneratesTheDefaultTree() {
        CliRun r = CliRun.of("demo");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("== kfboot generate").contains("(fork layout): 27 apps in 5 waves");
        String dir = r.out()
                .lines()
                .filter(l -> l.startsWith("Wrote "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
        assertThat(Path.of(dir).resolve("root-app.yaml")).exists();
        assertThat(Path.of(dir).resolve(".kfboot/tree.json")).exists();
    }

    /** {@code --cache-dir} sends generate's renders of the upstream tree through that render cache. */
    @Test
    void cacheDirKeepsTheUpstreamRendersForTheNextRun() throws Exception {
        Kustomize.required();
        Path up = tmp.resolve("manifests");
        Files.createDirectories(up.resolve("example"));
        Files.createDirectories(up.resolve("applications/app/base"));
        Files.writeString(up.resolve("example/kustomization.yaml"), "resources:\n- ../applications/app/base\n");
        Files.writeString(
                up.resolve("applications/app/base/kustomization.yaml"), "namespace: kubeflow\nresources:\n- cm.yaml\n");
        Files.writeString(
                up.resolve("applications/app/base/cm.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  a: b\n");
        Path cache = tmp.resolve("cache");

        CliRun r = generate(tmp.resolve("out"), "--upstream", up.toString(), "--cache-dir", cache.toString());

        assertThat(r.code()).as(r.err()).isZero();
        try (var entries = Files.walk(cache.resolve("render"))) {
            assertThat(entries.filter(f -> f.toString().endsWith(".json"))).hasSize(1);
        }
    }
}
