package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class KustomizeToolTest {

    @TempDir
    Path dir;

    /** A stand-in for a binary: a shell script that prints a version, so no real kustomize is needed. */
    private Path script(String name, String output) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\ncat <<'EOF'\n" + output + "\nEOF\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void nothingOnAnEmptyPathIsAnInputErrorWithAnInstallHint() {
        InputException e = catchThrowableOfType(InputException.class, () -> KustomizeTool.detect(Map.of("PATH", "")));

        assertThat(e.getMessage()).isEqualTo("neither kustomize nor kubectl found on PATH");
        assertThat(e.hint()).contains("install kustomize").contains("kubectl");
    }

    @Test
    void noPathVariableAtAllIsTheSameError() {
        InputException e = catchThrowableOfType(InputException.class, () -> KustomizeTool.detect(Map.of()));

        assertThat(e.getMessage()).isEqualTo("neither kustomize nor kubectl found on PATH");
    }

    @Test
    void overrideThatIsNotExecutableIsAnInputError() throws IOException {
        Path notExecutable = dir.resolve("kustomize");
        Files.writeString(notExecutable, "not a binary\n");
        Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));

        InputException e = catchThrowableOfType(
                InputException.class,
                () -> KustomizeTool.detect(Map.of("KFBOOT_KUSTOMIZE", notExecutable.toString(), "PATH", "")));

        assertThat(e.getMessage()).isEqualTo(notExecutable + " is not an executable file");
        assertThat(e.location().file()).isEqualTo("$KFBOOT_KUSTOMIZE");
        assertThat(e.hint()).contains("KFBOOT_KUSTOMIZE");
    }

    @Test
    void overrideThatDoesNotExistIsAnInputError() {
        Path missing = dir.resolve("no-such-kustomize");

        InputException e = catchThrowableOfType(
                InputException.class, () -> KustomizeTool.detect(Map.of("KFBOOT_KUSTOMIZE", missing.toString())));

        assertThat(e.getMessage()).isEqualTo(missing + " is not an executable file");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void kustomizeOnPathIsUsedWithBuildAndItsVersion() throws IOException {
        Path kustomize = script("kustomize", "v5.5.0");

        KustomizeTool tool = KustomizeTool.detect(Map.of("PATH", dir.resolve("empty") + ":" + dir));

        assertThat(tool.command()).containsExactly(kustomize.toString(), "build");
        assertThat(tool.version()).isEqualTo("v5.5.0");
        assertThat(tool.buildCommand(Path.of("/m/app"))).containsExactly(kustomize.toString(), "build", "/m/app");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void kubectlIsTheFallbackAndReportsItsEmbeddedKustomizeVersion() throws IOException {
        Path kubectl = script("kubectl", "Client Version: v1.34.1\nKustomize Version: v5.7.1");

        KustomizeTool tool = KustomizeTool.detect(Map.of("PATH", dir.toString()));

        assertThat(tool.command()).isEqualTo(List.of(kubectl.toString(), "kustomize"));
        assertThat(tool.version()).isEqualTo("v5.7.1");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void executableOverrideWinsOverPath() throws IOException {
        Path pinned = script("my-kustomize", "{Version:kustomize/v5.4.3 GitCommit:abc}");
        script("kustomize", "v5.5.0");

        KustomizeTool tool =
                KustomizeTool.detect(Map.of("KFBOOT_KUSTOMIZE", pinned.toString(), "PATH", dir.toString()));

        assertThat(tool.command()).containsExactly(pinned.toString(), "build");
        assertThat(tool.version()).isEqualTo("v5.4.3");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void eachBinaryIsAskedItsVersionOnceAndAgainWhenItChanges() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path asked = dir.resolve("asked");
        Path kustomize = bin.resolve("kustomize");
        Files.writeString(kustomize, "#!/bin/sh\necho x >> " + asked + "\necho v5.4.3\n");
        Files.setPosixFilePermissions(kustomize, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("PATH", bin.toString());

        assertThat(KustomizeTool.detect(env, cache).version()).isEqualTo("v5.4.3");
        assertThat(KustomizeTool.detect(env, cache).version()).isEqualTo("v5.4.3");
        assertThat(Files.readAllLines(asked))
                .as("asked once, then read beside the cache")
                .hasSize(1);
        assertThat(Files.readString(cache.resolve(ToolVersions.FILE))).startsWith(kustomize.toRealPath() + "\t");

        Files.writeString(kustomize, "#!/bin/sh\necho x >> " + asked + "\necho v5.5.0 upgraded\n");
        Files.setLastModifiedTime(kustomize, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(KustomizeTool.detect(env, cache).version())
                .as("an upgraded binary is asked again")
                .isEqualTo("v5.5.0");
        assertThat(KustomizeTool.detect(env, null).version()).isEqualTo("v5.5.0");
        assertThat(Files.readAllLines(asked))
                .as("and without a cache, every time")
                .hasSize(3);

        Files.writeString(cache.resolve(ToolVersions.FILE), kustomize.toRealPath() + "\tdamaged\n");
        assertThat(KustomizeTool.detect(env, cache).version())
                .as("a damaged file is asked again")
                .isEqualTo("v5.5.0");
        assertThat(Files.readAllLines(asked)).hasSize(4);
    }
}
