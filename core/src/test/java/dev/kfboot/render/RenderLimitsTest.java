package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.Kustomize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each render is bounded: an alias bomb stops at the memory cap, a kustomize that hangs stops at the render timeout
 * with its whole process tree, and nothing starts after the run's deadline. Each finding names the app and the
 * limit. Times are measured and printed; the bounds asserted are generous (this is no timing race).
 */
class RenderLimitsTest {

    @TempDir
    Path tree;

    /** Nine lists of nine aliases, eight deep: 43 million strings once expanded. */
    static String aliasBomb() {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\nbomb:\n");
        sb.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (String n : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            sb.append("  ")
                    .append(n)
                    .append(": &")
                    .append(n)
                    .append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*" + prev)))
                    .append("]\n");
            prev = n;
        }
        return sb.toString();
    }

    private Path app(String name, String manifest) throws IOException {
        Path d = Files.createDirectories(tree.resolve(name));
        Files.writeString(d.resolve("cm.yaml"), manifest);
        Files.writeString(d.resolve("kustomization.yaml"), "resources: [cm.yaml]\n");
        return d;
    }

    @Test
    void anAliasBombStopsAtTheMemoryCapWithAFindingNamingTheAppAndTheCap() throws IOException {
        KustomizeTool kustomize = Kustomize.required();
        app("bomb", aliasBomb());
        app("fine", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n");
        RenderOptions options = new RenderOptions(null, 1, Duration.ofMinutes(2), kustomize)
                .withLimits(Duration.ofMinutes(2), RenderOptions.DEFAULT_MEMORY_BYTES, Duration.ofMinutes(10));

        long start = System.nanoTime();
        List<Rendered> r = Rendering.run(
                        List.of(RenderUnit.of("bomb-app", tree, "bomb"), RenderUnit.of("fine-app", tree, "fine")),
                        options,
                        x -> {})
                .rendered();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("alias bomb under a " + (RenderOptions.DEFAULT_MEMORY_BYTES >> 20)
                + " MiB cap: stopped after " + millis + " ms; this JVM's heap in use " + usedHeapMiB() + " MiB");

        assertThat(r.get(0).ok()).isFalse();
        assertThat(r.get(0).failure().app()).isEqualTo("bomb-app");
        assertThat(r.get(0).failure().message())
                .isEqualTo("kustomize ran out of its memory cap of " + (RenderOptions.DEFAULT_MEMORY_BYTES >> 20)
                        + " MiB (--render-memory)");
        assertThat(r.get(1).ok()).as("a normal render under the same cap").isTrue();
        assertThat(r.get(1).documents()).hasSize(1);
        assertThat(millis)
                .as("bounded: well under the 5 minutes the bomb ran before")
                .isLessThan(120_000);
    }

    @Test
    void aHangingKustomizeIsStoppedAtTheRenderTimeoutWithEveryProcessItStarted() throws IOException {
        app("slow", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: slow}\n");
        // a "kustomize" that starts a child of its own and waits: both must be gone after the timeout
        KustomizeTool hanging = new KustomizeTool(List.of("/bin/sh", "-c", "sleep 300 & wait", "kustomize"), "v5.5.0");
        RenderOptions options = new RenderOptions(null, 1, Duration.ofSeconds(1), hanging)
                .withLimits(Duration.ofSeconds(1), 0, Duration.ofMinutes(10));

        long start = System.nanoTime();
        Rendered r = Rendering.run(List.of(RenderUnit.of("slow-app", tree, "slow")), options, x -> {})
                .rendered()
                .get(0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("hanging kustomize stopped after " + millis + " ms (render timeout 1 s)");

        assertThat(r.failure().app()).isEqualTo("slow-app");
        assertThat(r.failure().message())
                .isEqualTo("kustomize did not finish within the render timeout of 1s (--render-timeout)");
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .map(p -> p.info().commandLine().orElse("?"))
                        .filter(c -> c.contains("sleep 300"))
                        .toList())
                .as("no process of the render is left")
                .isEmpty();
        assertThat(millis).isLessThan(60_000);
    }

    @Test
    void nothingStartsAfterTheRunsDeadline() throws IOException {
        app("late", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: late}\n");
        KustomizeTool never = new KustomizeTool(List.of("/bin/false"), "v5.5.0");
        RenderOptions options = new RenderOptions(null, 1, Duration.ofSeconds(5), never)
                .withLimits(Duration.ofSeconds(5), 0, Duration.ZERO);

        Rendered r = Rendering.run(List.of(RenderUnit.of("late-app", tree, "late")), options, x -> {})
                .rendered()
                .get(0);

        assertThat(r.failure().app()).isEqualTo("late-app");
        assertThat(r.failure().message()).isEqualTo("not rendered: the run's deadline of 0s passed (--deadline)");
    }

    @Test
    void theShutdownHookEndsEveryChildAndRemovesOpenWorkspaces() throws Exception {
        RenderWorkspace ws = RenderWorkspace.create(null);
        Process child = new ProcessBuilder("sleep", "300").start();

        ChildProcesses.endEverything(); // what Ctrl-C runs

        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ws.dir()).doesNotExist();
    }

    private static long usedHeapMiB() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
