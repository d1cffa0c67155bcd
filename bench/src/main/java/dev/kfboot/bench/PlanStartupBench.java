package dev.kfboot.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kfboot plan} from committed facts, whole process through the {@code ./kfboot} launcher: JVM start,
 * catalog and facts loading, analysis, output. Goal: at most 1 s.
 */
final class PlanStartupBench implements Bench.Benchmark {

    private static final int RUNS = 10;

    @Override
    public void run(Bench.BenchContext ctx) throws Exception {
        String launcher = ctx.home().resolve("kfboot").toString();
        exec(launcher); // warm the page cache and make sure the jar is built
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            exec(launcher);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        double min = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        System.out.printf(
                "plan -o json from facts, %d runs: median %.3f s, min %.3f s (goal <= 1.0 s: %s)%n",
                RUNS, Bench.median(seconds), min, Bench.median(seconds) <= 1.0 ? "met" : "NOT met");
    }

    private static void exec(String launcher) throws Exception {
        Process p = new ProcessBuilder(launcher, "plan", "-q", "-o", "json")
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) throw new IllegalStateException("kfboot plan exited " + p.exitValue());
    }
}
