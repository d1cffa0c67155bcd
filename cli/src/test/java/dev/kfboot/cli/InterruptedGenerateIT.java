package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} killed (SIGKILL) at points spread over its whole run, in a real process: afterwards the
 * directory holds either the previous tree or the new one, never a mix; if the kill fell between the two final
 * renames, the previous tree lies complete beside it and the next generate puts it back first.
 */
class InterruptedGenerateIT {

    @TempDir
    Path tmp;

    @Test
    void aKilledGenerateNeverLeavesAHalfWrittenTree() throws Exception {
        Path spec = tmp.resolve("platform.yaml");
        Files.writeString(spec, """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  components:
                    - name: katib
                      enabled: false
                    - name: model-registry
                """);
        Path tree = tmp.resolve("argocd");
        Map<String, String> before = generateInProcess(tree, null);
        Path scratch = tmp.resolve("scratch/argocd");
        Map<String, String> after = generateInProcess(scratch, spec);
        assertThat(after).isNotEqualTo(before);

        // how long one whole run takes here, so the kills can be spread over all of it
        long start = System.nanoTime();
        Process full = generateProcess(spec, scratch);
        assertThat(full.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long runMillis = (System.nanoTime() - start) / 1_000_000;
        Random random = new Random(20261123);
        int rounds = 8;
        int sawOld = 0;
        int sawNew = 0;
        for (int i = 0; i < rounds; i++) {
            // spread the kills from JVM start-up to past the end of the write
            long delay = (long) (runMillis * (0.3 + 0.9 * i / rounds)) + random.nextInt(100);
            Process p = generateProcess(spec, tree);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) p.destroyForcibly().waitFor();
            Map<String, String> now = Files.exists(tree) ? BadInputCorpusTest.snapshot(tree) : setAside(tree);
            assertThat(now)
                    .as("round %d (kill after %d ms)", i, delay)
                    .satisfiesAnyOf(
                            m -> assertThat(m).isEqualTo(before),
                            m -> assertThat(m).isEqualTo(after));
            if (now.equals(before)) sawOld++;
            else sawNew++;
            // the next run recovers and writes the previous tree again
            assertThat(generateInProcess(tree, null)).isEqualTo(before);
            assertThat(siblings(tree)).as("no leftovers beside the tree").isEmpty();
        }
        assertThat(sawOld + sawNew).isEqualTo(rounds);
        System.out.println("interrupted generate: a run takes " + runMillis + " ms; " + rounds + " kills, " + sawOld
                + " left the previous tree, " + sawNew + " the new one, none a mix");
    }

    private static Process generateProcess(Path spec, Path out) throws IOException {
        return new ProcessBuilder(
                        java(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.kfboot.cli.Main",
                        "generate",
                        "-q",
                        "-f",
                        spec.toString(),
                        "--out",
                        out.toString(),
                        "--path-in-repo",
                        "argocd",
                        "--force")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The previous tree a kill between the two renames left beside the target. */
    private static Map<String, String> setAside(Path tree) throws Exception {
        List<Path> old = siblings(tree).stream()
                .filter(p -> p.getFileName().toString().contains(".kfboot-old-"))
                .toList();
        assertThat(old)
                .as("target missing: the previous tree must lie beside it")
                .hasSize(1);
        return BadInputCorpusTest.snapshot(old.get(0));
    }

    private static List<Path> siblings(Path tree) throws Exception {
        try (Stream<Path> s = Files.list(tree.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + tree.getFileName() + ".kfboot-"))
                    .toList();
        }
    }

    private static Map<String, String> generateInProcess(Path out, Path spec) {
        CliRun r = spec == null
                ? CliRun.of("generate", "-q", "--out", out.toString(), "--path-in-repo", "argocd")
                : CliRun.of(
                        "generate", "-q", "-f", spec.toString(), "--out", out.toString(), "--path-in-repo", "argocd");
        assertThat(r.code()).as(r.err()).isZero();
        return BadInputCorpusTest.snapshot(out);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
