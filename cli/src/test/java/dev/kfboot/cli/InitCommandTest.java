package dev.kfboot.cli;

import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {

    @Test
    void writesACommentedSpecThatPlansLikeTheDefault(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("platform.yaml");
        CliRun r = CliRun.of("init", "--out", spec.toString());
        assertThat(r.code()).isZero();
        String text = Files.readString(spec);
        assertThat(text).contains("# kfboot platform spec").contains("release: \"26.03\"")
                .contains("- name: model-registry\n      enabled: false");
        Platform p = PlatformReader.read(spec, spec.toString());
        assertThat(p.release()).isEqualTo("26.03");
        CliRun fromFile = CliRun.of("plan", "-q", "-f", spec.toString(), "-o", "json");
        CliRun builtin = CliRun.of("plan", "-q", "-o", "json");
        assertThat(fromFile.out()).isEqualTo(builtin.out());
    }

    @Test
    void refusesToOverwrite(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("platform.yaml");
        Files.writeString(spec, "mine");
        CliRun r = CliRun.of("init", "--out", spec.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("file exists").contains("--force");
        assertThat(Files.readString(spec)).isEqualTo("mine");
    }

    @Test
    void olderReleaseToo() {
        CliRun r = CliRun.of("init", "--out", "-", "--release", "v1.11.0");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("release: \"v1.11.0\"");
    }
}
