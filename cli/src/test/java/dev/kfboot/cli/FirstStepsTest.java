package dev.kfboot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The edges a new user hits in the first hour, through {@code Main}. */
class FirstStepsTest {

    @TempDir Path dir;

    @Test
    void reportRefusesAnOutputDirectoryThatDoesNotExist() {
        Path target = dir.resolve("nonexistent/dir/x.html");

        CliRun r = CliRun.of("report", "--out", target.toString(), "-q");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("kfboot: error: " + target + ": the directory " + target.getParent()
                + " does not exist\n  hint: create it first, or pass --out a file in an existing directory (report creates "
                + "no directories)\n");
        assertThat(Files.exists(dir.resolve("nonexistent"))).isFalse();
    }
}
