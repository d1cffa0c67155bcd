package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kfboot} launcher script, run by bash in a copy of the project's layout, with {@code java} and
 * {@code mvn} stand-ins on the PATH that record how they were called.
 */
class LauncherTest {

    @TempDir
    Path home;

    @TempDir
    Path bin;

    @BeforeEach
    void layout() throws IOException {
        Files.copy(Path.of("..", "kfboot").toAbsolutePath().normalize(), home.resolve("kfboot"));
        for (String m : List.of("core", "cluster", "cli", "bench")) {
            Files.createDirectories(home.resolve(m + "/src/main/java"));
            Files.writeString(home.resolve(m + "/pom.xml"), "<project/>");
            Files.writeString(home.resolve(m + "/src/main/java/A.java"), "class A {}");
        }
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Files.createDirectories(home.resolve("cli/target"));
        Files.writeString(home.resolve("cli/target/kfboot.jar"), "jar");
        // everything older than the jar, as after a build
        try (Stream<Path> all = Files.walk(home)) {
            for (Path f : all.filter(f -> !f.endsWith("kfboot.jar")).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        stub("java", "echo \"java $*\" >> \"$LOG\"");
        stub("mvn", "echo \"mvn $*\" >> \"$LOG\""); // like Maven with nothing to do: the jar keeps its time
    }

    private void stub(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the launcher and returns the commands the stand-ins recorded. */
    private List<String> launch(String... args) throws Exception {
        Path log = home.resolve("calls.log");
        Files.deleteIfExists(log);
        List<String> cmd =
                new ArrayList<>(List.of("bash", home.resolve("kfboot").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("LOG", log.toString());
        pb.environment().remove("KFBOOT_JAVA_OPTS");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static String run(List<String> calls) {
        return calls.stream()
                .filter(c -> c.startsWith("java") && c.contains(" -jar "))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void aShortRunUsesTheQuickCompilerOnlyAndAWatchingOneTheOptimizingOneAndAShrinkingHeap() throws Exception {
        assertThat(run(launch("validate", "tree", "-o", "json")))
                .contains("-XX:TieredStopAtLevel=1")
                .endsWith("validate tree -o json");
        assertThat(run(launch("validate", "tree", "--watch")))
                .doesNotContain("TieredStopAtLevel")
                .contains("-XX:MaxHeapFreeRatio=50")
                .endsWith("validate tree --watch");
        assertThat(run(launch("validate", "tree", "-qw"))).doesNotContain("TieredStopAtLevel");
        assertThat(run(launch("status", "-o", "wide")))
                .contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("HeapFreeRatio");
    }

    @Test
    void onlySourcesOfTheModulesInTheJarRebuildIt() throws Exception {
        assertThat(launch("--version")).noneMatch(c -> c.startsWith("mvn"));

        Files.writeString(home.resolve("bench/src/main/java/A.java"), "class A { int changed; }");
        assertThat(launch("--version")).noneMatch(c -> c.startsWith("mvn"));

        Files.writeString(home.resolve("core/src/main/java/A.java"), "class A { int changed; }");
        assertThat(launch("--version")).anyMatch(c -> c.startsWith("mvn") && c.contains("-pl cli -am package"));
        assertThat(launch("--version")).as("the jar is fresh after the build").noneMatch(c -> c.startsWith("mvn"));
    }

    @Test
    void onJdk25TheAotCacheReplacesTheCdsArchive() throws Exception {
        assertThat(launch("--version"))
                .anyMatch(c -> c.contains("-XX:ArchiveClassesAtExit="))
                .noneMatch(c -> c.contains("AOTCache"));

        Path jdk = Files.createDirectories(home.resolve("jdk25/bin"));
        Files.writeString(home.resolve("jdk25/release"), "JAVA_VERSION=\"25.0.3\"\n");
        Files.move(bin.resolve("java"), jdk.resolve("java"));
        Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("java"));
        Files.writeString(home.resolve("cli/target/kfboot.aot"), "aot"); // as the training run leaves it

        List<String> calls = launch("--version");
        assertThat(calls).noneMatch(c -> c.contains("ArchiveClassesAtExit") || c.contains("SharedArchiveFile"));
        assertThat(run(calls)).contains("-XX:AOTCache=" + home.resolve("cli/target/kfboot.aot"));
        Files.setLastModifiedTime(
                home.resolve("cli/target/kfboot.aot"),
                FileTime.from(Instant.now().minusSeconds(7200)));
        assertThat(launch("--version"))
                .as("a cache older than the jar is made again")
                .anyMatch(c -> c.contains("-XX:AOTCacheOutput=" + home.resolve("cli/target/kfboot.aot")));
    }

    @Test
    void theBuildShowsAProgressLinePerModuleWithTheTimeSoFar() throws Exception {
        Files.writeString(home.resolve("core/src/main/java/A.java"), "class A { int changed; }");
        stub("mvn", """
                echo "mvn $*" >> "$LOG"
                echo "[INFO] Scanning for projects..."
                echo "[INFO] Building kfboot core 0.1.0-SNAPSHOT                          [1/3]"
                echo "[INFO] Building kfboot cluster 0.1.0-SNAPSHOT                       [2/3]"
                echo "[INFO] Building kfboot cli 0.1.0-SNAPSHOT                           [3/3]"
                echo "[INFO] BUILD SUCCESS"
                """);

        String output = launchOutput("--version");

        assertThat(output)
                .contains("kfboot: 0s: building kfboot core 0.1.0-SNAPSHOT [1/3]\n")
                .contains("kfboot: 0s: building kfboot cli 0.1.0-SNAPSHOT [3/3]\n")
                .contains("kfboot: built in 0s")
                .doesNotContain("Scanning")
                .doesNotContain("BUILD SUCCESS");
    }

    @Test
    void theDistributionLauncherRunsTheJarWithoutMaven() throws Exception {
        Path dist = home.resolve("kfboot-1.0");
        Files.createDirectories(dist.resolve("bin"));
        Files.createDirectories(dist.resolve("lib"));
        Files.copy(Path.of("src/dist/bin/kfboot").toAbsolutePath(), dist.resolve("bin/kfboot"));
        Files.writeString(dist.resolve("lib/kfboot.jar"), "jar");
        stub("mvn", "echo \"mvn $*\" >> \"$LOG\"; exit 1");
        Path log = home.resolve("dist.log");
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", dist.resolve("bin/kfboot").toString(), "plan", "-o", "json")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("LOG", log.toString());
        pb.environment().remove("KFBOOT_JAVA_OPTS");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        List<String> calls = Files.readAllLines(log);
        assertThat(calls).noneMatch(c -> c.startsWith("mvn"));
        assertThat(run(calls))
                .contains("-jar " + dist.resolve("lib/kfboot.jar"))
                .endsWith("plan -o json");
    }

    private String launchOutput(String... args) throws Exception {
        Path log = home.resolve("calls.log");
        List<String> cmd =
                new ArrayList<>(List.of("bash", home.resolve("kfboot").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("LOG", log.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
