package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edges a new user hits in the first hour, through {@code Main}. */
class FirstStepsTest {

    @TempDir
    Path dir;

    @Test
    void reportRefusesAnOutputDirectoryThatDoesNotExist() {
        Path target = dir.resolve("nonexistent/dir/x.html");

        CliRun r = CliRun.of("report", "--out", target.toString(), "-q");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("kfboot: error: " + target + ": the directory " + target.getParent()
                        + " does not exist\n  hint: create it first, or pass --out a file in an "
                        + "existing directory (report creates "
                        + "no directories)\n");
        assertThat(Files.exists(dir.resolve("nonexistent"))).isFalse();
    }

    @Test
    void generateAfterUpdateRepoUrlSaysWhichUrlWins() throws Exception {
        Path repo = dir.resolve("gitops");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://example.com/acme/gitops.git");
            git.getRepository().getConfig().save();
        }
        Path out = repo.resolve("clusters/main");
        CliRun first = CliRun.of("generate", "-q", "--layout", "standalone", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).doesNotContain("warning:");
        CliRun moved = CliRun.of("update-repo-url", "--repo", "https://example.com/acme/moved.git", out.toString());
        assertThat(moved.code()).as(moved.err()).isZero();

        CliRun again = CliRun.of("generate", "-q", "--layout", "standalone", "--out", out.toString());

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err())
                .contains("warning: " + out + " points at https://example.com/acme/moved.git (update-repo-url?), "
                        + "the spec at https://example.com/acme/gitops.git: the spec wins, the "
                        + "tree gets https://example.com/acme/gitops.git\n"
                        + "  hint: to keep https://example.com/acme/moved.git, set spec.repo.url to it");
    }
}
