package dev.kfboot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.model.Json;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.render.RemoteCache;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.RenderWorkspace;
import dev.kfboot.testing.GeneratedFork;
import dev.kfboot.testing.UpstreamFork;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code kfboot validate} through the launcher (whole process) on the 26.03 default platform's tree (27 apps,
 * written the way generate is specified, in a copy of the manifests), against sequential per-component
 * {@code kustomize build} of the same 27 paths in the same run: cold (empty render cache), warm (nothing
 * changed), one component changed, each run a process of its own; and one {@code validate --watch} process, from
 * an edit to its next result. Prints medians, the ratios with their goals, and the peak RSS of the processes.
 */
final class ValidateBench implements Bench.Benchmark {

    private static final int ROUNDS = 3;
    private static final String RELEASE = "26.03";

    @Override
    public void run(Bench.BenchContext ctx) throws Exception {
        if (!Files.isDirectory(ctx.release(RELEASE))) {
            System.out.println(
                    "skipped: no upstream tree at " + ctx.release(RELEASE) + " (pass -Dkfboot.upstream=DIR)");
            return;
        }
        Path work = Files.createTempDirectory("kfboot-bench-validate-");
        Path fork = work.resolve("fork");
        UpstreamFork.copyTree(ctx.release(RELEASE), fork);
        Path tree = GeneratedFork.write(fork, RELEASE);
        List<String> paths = new ArrayList<>();
        for (Component c : Catalogs.builtin().release(RELEASE).exampleComponents())
            paths.add(c.defaultVariant().paths().get(0));
        Map<String, String> changed = new TreeMap<>(Map.of(
                "katib", "applications/katib/upstream/installs/katib-with-kubeflow/kustomization.yaml",
                "kserve", "applications/kserve/kserve/kustomization.yaml"));
        String launcher = ctx.home().resolve("kfboot").toString();
        exec(List.of(launcher, "--version"), new AtomicLong()); // builds the jar when stale, outside the timings

        List<Double> seq = new ArrayList<>();
        AtomicLong peakKb = new AtomicLong();
        Figures oneShot = figures("one-shot", launcher, tree, fork, paths, changed, ctx, work, seq, peakKb);
        double base = Bench.median(seq);
        System.out.printf(
                "tree: %s default platform, 27 apps at the catalog paths; %d rounds each way, medians%n",
                RELEASE, ROUNDS);
        System.out.printf(
                "sequential kustomize build of the 27 paths  %6.2f s (%d runs, %.2f-%.2f s)%n",
                base,
                seq.size(),
                seq.stream().mapToDouble(d -> d).min().orElse(0),
                seq.stream().mapToDouble(d -> d).max().orElse(0));
        oneShot.print("", base);
        AtomicLong watchKb = new AtomicLong();
        Map<String, List<Double>> watched =
                watching(launcher, tree, fork, changed, ctx.remoteCache(), work.resolve("cache-watch"), watchKb);
        for (var e : watched.entrySet()) {
            report("validate --watch, " + e.getKey() + " changed", Bench.median(e.getValue()), base, 0.25);
        }
        long most = Math.max(peakKb.get(), watchKb.get());
        System.out.printf(
                "peak RSS of validate: %d MB, of validate --watch: %d MB (goal <= 512 MB: %s)%n",
                peakKb.get() / 1024, watchKb.get() / 1024, most <= 512 * 1024 ? "met" : "NOT met");
        delete(work);
    }

    /** Cold, warm and changed runs over {@link #ROUNDS} rounds, then every component changed once. */
    private record Figures(
            List<Double> cold, List<Double> warm, Map<String, List<Double>> one, Map<String, Double> each) {

        void print(String prefix, double base) {
            report(prefix + "cold validate (empty cache)", Bench.median(cold), base, 0.6);
            report(prefix + "warm validate (nothing changed)", Bench.median(warm), base, 0.06);
            for (var e : one.entrySet())
                report(prefix + "validate, " + e.getKey() + " changed", Bench.median(e.getValue()), base, 0.25);
            List<Double> ratios =
                    each.values().stream().map(t -> t / base).sorted().toList();
            List<String> over = each.entrySet().stream()
                    .filter(e -> e.getValue() / base > 0.25)
                    .map(e -> String.format("%s %.3f", e.getKey(), e.getValue() / base))
                    .toList();
            System.out.printf(
                    "%svalidate, each of the %d components changed once: median ratio %.3f, max "
                            + "%.3f; %d of %d within 0.25%s%n",
                    prefix,
                    ratios.size(),
                    Bench.median(ratios),
                    ratios.get(ratios.size() - 1),
                    ratios.size() - over.size(),
                    ratios.size(),
                    over.isEmpty() ? "" : " (over: " + String.join(", ", over) + ")");
        }
    }

    private static Figures figures(
            String name,
            String launcher,
            Path tree,
            Path fork,
            List<String> paths,
            Map<String, String> changed,
            Bench.BenchContext ctx,
            Path work,
            List<Double> seq,
            AtomicLong peakKb)
            throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        Map<String, List<Double>> one = new TreeMap<>();
        Path cache = null;
        for (int round = 0; round < ROUNDS; round++) {
            cache = work.resolve("cache-" + name + "-" + round);
            List<String> validate = List.of(
                    launcher,
                    "validate",
                    tree.toString(),
                    "--repo-root",
                    fork.toString(),
                    "--repo-url",
                    GeneratedFork.repoUrl(RELEASE),
                    "-q",
                    "--remote-cache",
                    ctx.remoteCache().toString(),
                    "--cache-dir",
                    cache.toString(),
                    "-o",
                    "json");
            seq.add(sequentialKustomize(fork, paths, ctx.remoteCache()));
            cold.add(exec(validate, peakKb));
            warm.add(exec(validate, peakKb));
            for (var c : changed.entrySet()) {
                Path file = fork.resolve(c.getValue());
                Files.writeString(
                        file,
                        Files.readString(file) + "\n# bench edit " + name + " " + round + "\n",
                        StandardCharsets.UTF_8);
                one.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(exec(validate, peakKb));
            }
        }
        // every component changed once, in the last round's cache: how the figure spreads over components
        Map<String, Double> each = new TreeMap<>();
        List<String> last = List.of(
                launcher,
                "validate",
                tree.toString(),
                "--repo-root",
                fork.toString(),
                "--repo-url",
                GeneratedFork.repoUrl(RELEASE),
                "-q",
                "--remote-cache",
                ctx.remoteCache().toString(),
                "--cache-dir",
                cache.toString(),
                "-o",
                "json");
        for (String p : paths) {
            Path file = KustomizationClosure.kustomizationFile(fork.resolve(p));
            Files.writeString(
                    file,
                    Files.readString(file) + "\n# bench edit of every component, " + name + "\n",
                    StandardCharsets.UTF_8);
            each.put(p, exec(last, peakKb));
        }
        return new Figures(cold, warm, one, each);
    }

    private static void report(String what, double seconds, double base, double goal) {
        double ratio = seconds / base;
        System.out.printf(
                "%-43s %6.2f s  ratio %.3f (goal <= %.2f: %s)%n",
                what, seconds, ratio, goal, ratio <= goal ? "met" : "NOT met");
    }

    /** What rendering the same apps one by one with plain kustomize costs (workspace set up outside the timing). */
    private static double sequentialKustomize(Path fork, List<String> paths, Path remoteCache) throws Exception {
        KustomizeTool tool = KustomizeTool.detect();
        double total = 0;
        try (RenderWorkspace ws = RenderWorkspace.create(RemoteCache.load(remoteCache))) {
            for (String p : paths) {
                Path dir = ws.prepare(RenderUnit.of(p, fork, p)).buildDir();
                ProcessBuilder pb = new ProcessBuilder(tool.buildCommand(dir))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.environment().remove("GOGC"); // plain kustomize, as a user runs it
                long start = System.nanoTime();
                Process proc = pb.start();
                if (proc.waitFor() != 0) throw new IllegalStateException("kustomize build " + p + " failed");
                total += (System.nanoTime() - start) / 1e9;
            }
        }
        return total;
    }

    /**
     * One {@code validate --watch} process over the same tree (its first, cold run untimed): the time from saving
     * an edit to the run's JSON document, for each component, {@link #ROUNDS} times. Includes the watcher's quiet
     * period after a change.
     */
    private static Map<String, List<Double>> watching(
            String launcher,
            Path tree,
            Path fork,
            Map<String, String> changed,
            Path remoteCache,
            Path cache,
            AtomicLong peakKb)
            throws Exception {
        List<String> cmd = List.of(
                launcher,
                "validate",
                tree.toString(),
                "--repo-root",
                fork.toString(),
                "--repo-url",
                GeneratedFork.repoUrl(RELEASE),
                "-q",
                "--remote-cache",
                remoteCache.toString(),
                "--cache-dir",
                cache.toString(),
                "-o",
                "json",
                "--watch");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        BlockingQueue<Long> results = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (MappingIterator<JsonNode> docs =
                            Json.mapper().readerFor(JsonNode.class).readValues(p.getInputStream())) {
                        while (docs.hasNext()) {
                            docs.next();
                            results.add(System.nanoTime());
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended
                    }
                },
                "bench-watch-output");
        reader.setDaemon(true);
        reader.start();
        try {
            nextResult(results, p);
            Map<String, List<Double>> out = new TreeMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (var c : changed.entrySet()) {
                    Path file = fork.resolve(c.getValue());
                    String text = Files.readString(file) + "\n# watch edit " + round + "\n";
                    long start = System.nanoTime();
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                    long end = nextResult(results, p);
                    out.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add((end - start) / 1e9);
                }
            }
            peakKb.accumulateAndGet(vmHwmKb(Path.of("/proc", String.valueOf(p.pid()), "status")), Math::max);
            return out;
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long nextResult(BlockingQueue<Long> results, Process p) throws InterruptedException {
        Long at = results.poll(5, TimeUnit.MINUTES);
        if (at == null)
            throw new IllegalStateException("validate --watch printed no result (alive: " + p.isAlive() + ")");
        return at;
    }

    /**
     * Runs a command, returns its wall time in seconds, and raises {@code peakKb} to its peak RSS (VmHWM).
     */
    private static double exec(List<String> cmd, AtomicLong peakKb) throws Exception {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        while (p.isAlive()) {
            peakKb.accumulateAndGet(vmHwmKb(status), Math::max);
            Thread.sleep(10);
        }
        double s = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() > 1) throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue());
        return s;
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException e) {
            // the process just ended
        }
        return 0;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
