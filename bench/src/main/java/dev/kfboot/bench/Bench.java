package dev.kfboot.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bench/run [NAME...]}: runs the named benchmarks (all without names) and prints their figures.
 * Each benchmark is a class of its own; this only dispatches.
 */
public final class Bench {

    interface Benchmark {
        void run(BenchContext ctx) throws Exception;
    }

    private static final Map<String, Benchmark> ALL = new TreeMap<>(Map.of(
            "plan", new PlanStartupBench(),
            "render", new ParallelRenderBench(),
            "validate", new ValidateBench(),
            "analysis", new AnalysisBench(),
            "apps", new AppsScaleBench()));

    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? new ArrayList<>(ALL.keySet()) : Arrays.asList(args);
        BenchContext ctx = BenchContext.fromEnvironment();
        System.out.println("kfboot benchmarks on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + "upstream data: " + (Files.isDirectory(ctx.upstream()) ? ctx.upstream() : "absent")
                + ", load average "
                + String.format(
                        "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        for (String n : names) {
            Benchmark b = ALL.get(n);
            if (b == null) {
                System.err.println("unknown benchmark " + n + "; known: " + ALL.keySet());
                System.exit(2);
            }
            System.out.println();
            System.out.println("== " + n);
            b.run(ctx);
        }
        // The mock API server of the apps benchmark leaves vert.x threads behind; the figures are printed.
        System.exit(0);
    }

    /** Where the kfboot checkout and the shared data are. */
    record BenchContext(Path home, Path upstream) {
        static BenchContext fromEnvironment() {
            Path home = Path.of(System.getProperty("kfboot.home", "."))
                    .toAbsolutePath()
                    .normalize();
            String up = System.getProperty(
                    "kfboot.upstream", home.resolve("../shared/upstream").toString());
            return new BenchContext(home, Path.of(up).toAbsolutePath().normalize());
        }

        Path release(String r) {
            return upstream.resolve("kubeflow-manifests").resolve(r);
        }

        Path remoteCache() {
            return upstream.resolve("remote");
        }
    }

    /** CPU time of this process, all threads, in nanoseconds: a figure other load on the machine does not inflate. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
