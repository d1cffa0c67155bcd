package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kfboot.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conventions kubectl, argocd and flux users expect, each through {@code Main}. */
class ConventionsTest {

    @TempDir
    Path dir;

    @Test
    void versionCommandTextJsonAndYaml() throws Exception {
        CliRun text = CliRun.of("version");
        assertThat(text.code()).isZero();
        assertThat(text.out()).isEqualTo(String.join("\n", new VersionProvider().getVersion()) + "\n");
        assertThat(CliRun.of("--version").out()).isEqualTo(text.out());

        CliRun json = CliRun.of("version", "-o", "json");
        assertThat(json.code()).isZero();
        JsonNode j = Json.mapper().readTree(json.out());
        assertThat(j.path("kfboot").asText()).isEqualTo(VersionProvider.version());
        assertThat(j.path("releases").isArray()).isTrue();
        assertThat(j.path("releases").size()).isPositive();
        assertThat(j.path("defaultRelease").asText()).isNotBlank();

        CliRun yaml = CliRun.of("version", "-o", "yaml");
        assertThat(yaml.code()).isZero();
        assertThat(new YAMLMapper().readTree(yaml.out())).isEqualTo(j);
    }

    @Test
    void completionScripts() {
        CliRun bash = CliRun.of("completion", "bash");
        assertThat(bash.code()).isZero();
        assertThat(bash.out())
                .contains("complete -F _complete_kfboot")
                .contains("validate")
                .contains("--kubeconfig");
        CliRun zsh = CliRun.of("completion", "zsh");
        assertThat(zsh.code()).isZero();
        assertThat(zsh.out()).contains("bashcompinit");
        CliRun fish = CliRun.of("completion", "fish");
        assertThat(fish.code()).isZero();
        assertThat(fish.out())
                .contains("complete -c kfboot -n __fish_use_subcommand -a plan -d ")
                .contains("complete -c kfboot -n '__fish_seen_subcommand_from plan' -l explain");
        CliRun tcsh = CliRun.of("completion", "tcsh");
        assertThat(tcsh.code()).isEqualTo(2);
        assertThat(tcsh.err()).contains("bash, zsh, fish");
    }

    @Test
    void typosSuggestTheClosestCommandOrOption() {
        CliRun command = CliRun.of("paln");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err())
                .startsWith("kfboot: error: ")
                .contains("(did you mean plan")
                .doesNotContain("\tat ");

        CliRun option = CliRun.of("plan", "--explian");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("did you mean --explain?");
    }

    @Test
    void globalOptionsBeforeTheCommand() {
        Path missing = dir.resolve("nope");
        CliRun before = CliRun.of("--kubeconfig", missing.toString(), "--context", "prod", "-n", "kf", "status");
        CliRun after = CliRun.of("status", "--kubeconfig", missing.toString(), "--context", "prod", "-n", "kf");
        assertThat(before.code()).isEqualTo(2);
        assertThat(before.err()).isEqualTo(after.err()).contains("no kubeconfig: --kubeconfig " + missing);

        CliRun equals = CliRun.of("--kubeconfig=" + missing, "--request-timeout=5s", "status");
        assertThat(equals.err()).isEqualTo(after.err());
    }

    @Test
    void validateDefaultsToTheCurrentDirectory() throws Exception {
        CliRun help = CliRun.of("validate", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("(default: the current directory)");
        // no DIR is no longer a usage error: it validates "." (the test's working directory, the cli module)
        CliRun r = CliRun.of(
                "validate",
                "-o",
                "json",
                "--quiet",
                "--cache-dir",
                dir.resolve("cache").toString());
        assertThat(r.err()).doesNotContain("validate needs the tree's directory");
        assertThat(r.code()).as(r.err()).isNotEqualTo(4);
    }

    @Test
    void planTakesRelease() throws Exception {
        CliRun older = CliRun.of("plan", "--release", "v1.11.0", "-o", "json", "-q");
        CliRun newer = CliRun.of("plan", "-o", "json", "-q");
        assertThat(older.code()).as(older.err()).isZero();
        assertThat(older.out()).isNotEqualTo(newer.out()).contains("v1.11");

        CliRun unknown = CliRun.of("plan", "--release", "v0.1");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown release 'v0.1'").contains("known releases: ");

        Path spec = dir.resolve("platform.yaml");
        assertThat(CliRun.of("init", "--out", spec.toString(), "--release", "v1.11.0")
                        .code())
                .isZero();
        CliRun contradiction = CliRun.of("plan", "-f", spec.toString(), "--release", "26.03");
        assertThat(contradiction.code()).isEqualTo(2);
        assertThat(contradiction.err()).contains("--release 26.03 contradicts the spec's release v1.11.0");
    }

    @Test
    void initWritesWithOutAndMinusOIsNotAFile() throws Exception {
        Path spec = dir.resolve("p.yaml");
        assertThat(CliRun.of("init", "-f", spec.toString()).code()).isZero();
        assertThat(Files.readString(spec)).contains("kind: Platform");
        CliRun old = CliRun.of("init", "-o", dir.resolve("q.yaml").toString());
        assertThat(old.code()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("q.yaml"))).isFalse();
    }
}
