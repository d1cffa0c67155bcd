package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where generate and report write: the filesystem root is a clean error (it was a NullPointerException), a
 * symbolic link given as --out stays a link, and a ".NAME.kfboot-old-*" another user planted beside the target is
 * never adopted as the previous tree.
 */
class OutputPathSafetyTest {

    @TempDir
    Path tmp;

    private static CliRun generate(Path out) {
        return CliRun.of("generate", "-q", "--out", out.toString(), "--path-in-repo", "argocd");
    }

    @Test
    void theFilesystemRootIsACleanErrorForGenerateAndReport() {
        CliRun gen = generate(Path.of("/"));
        CliRun report = CliRun.of("report", "--out", "/");

        assertThat(gen.code()).as(gen.err()).isEqualTo(2);
        assertThat(gen.err()).contains("kfboot: error: /: cannot write a tree over the filesystem root");
        assertThat(report.code()).as(report.err()).isEqualTo(2);
        assertThat(report.err()).contains("kfboot: error: /: cannot write").doesNotContain("internal error");
        assertThat(gen.noStackTrace() && report.noStackTrace()).isTrue();
    }

    @Test
    void aSymbolicLinkGivenAsOutIsKeptAndTheTreeWrittenWhereItPoints() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);

        CliRun first = generate(link);
        CliRun again = generate(link);

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(real.resolve(".kfboot/tree.json")).exists();
    }

    @Test
    void aPlantedOldTreeOfAnotherUserIsNeverAdopted() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "needs root to give a directory to another user");
        Path planted = Files.createDirectories(tmp.resolve(".platform.kfboot-old-1"));
        Files.writeString(planted.resolve("evil.yaml"), "kind: Application\n");
        UserPrincipal nobody =
                tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(planted, nobody);

        CliRun r = generate(tmp.resolve("platform"));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(tmp.resolve("platform/evil.yaml")).doesNotExist();
        assertThat(planted.resolve("evil.yaml")).exists(); // not ours: left alone, not moved nor deleted
    }
}
