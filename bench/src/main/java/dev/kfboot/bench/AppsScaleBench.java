package dev.kfboot.bench;

import dev.kfboot.cli.Main;
import dev.kfboot.cluster.ClientFactory;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ConnectionSettings;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.ArgoResources;
import dev.kfboot.cluster.testing.MockCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How {@code status} and {@code watch} scale with the number of Applications, served by fabric8's mock API server
 * in this JVM: time to the first complete status table (the whole command in this warm JVM, and as a user runs it,
 * in its own JVM limited to 256 MB, with its heap peak and largest live set from the GC log), the requests it made
 * (list pages and watches: one informer), what the informer's cache holds (kfboot's slimmed objects against what a
 * plain informer would keep, as JSON), and how fast the informer reflects an update of every app (what watch redraws
 * from). Each Application is realistic in size: 60 managed resources, 10 history entries, a sync result.
 */
final class AppsScaleBench implements Bench.Benchmark {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    @Override
    public void run(Bench.BenchContext ctx) throws Exception {
        measure(10, ctx, false); // warm-up: class loading and JIT, not printed
        System.out.println("apps   status in-process  status as a command (-Xmx256m)  heap peak / live  list+watch  "
                + "cache as JSON: kfboot / full objects  watch: 1 update per app, all seen");
        for (int n : new int[] {100, 500, 1000}) measure(n, ctx, true);
    }

    private void measure(int n, Bench.BenchContext ctx, boolean print) throws Exception {
        Path dir = Files.createTempDirectory("kfboot-bench");
        try (MockCluster mock = MockCluster.start().withArgoCrds()) {
            KubernetesClient admin = mock.client();
            populate(admin, n);
            Path kubeconfig = mock.kubeconfig(dir, MockCluster.TOKEN);
            long t0 = System.nanoTime();
            int code = runStatus(kubeconfig);
            double inProcess = (System.nanoTime() - t0) / 1e9;
            if (code != 0) throw new IllegalStateException("status exited " + code);
            long statusLists = mock.countRequests("GET", "/applications?") - mock.countRequests("GET", "watch=true");
            long statusWatches = mock.countRequests("GET", "watch=true");

            ConnectionSettings settings = ConnectionSettings.defaults().withKubeconfig(kubeconfig);
            double slimMb;
            double fullMb;
            Watched watched;
            try (Cluster c = ClientFactory.connect(settings);
                    AppStore store = AppStore.start(c, Duration.ofMinutes(2))) {
                slimMb = jsonMb(IntStream.range(0, n)
                        .mapToObj(i -> store.raw(name(i)).orElseThrow())
                        .toList());
                fullMb = jsonMb(admin.genericKubernetesResources(ArgoResources.APPLICATION)
                        .inNamespace("argocd")
                        .list()
                        .getItems());
                watched = updateAllAndWait(admin, store, n);
            }
            Jvm jvm = separateJvm(kubeconfig, ctx, n);
            if (print) {
                System.out.printf(
                        "%-6d %15.2f s %27.2f s %11.0f / %3.0f MB %6d+%d %26.1f / %5.1f MB  "
                                + "written in %.1f s, all seen %.0f ms after the last%n",
                        n,
                        inProcess,
                        jvm.seconds,
                        jvm.peakMb,
                        jvm.liveMb,
                        statusLists,
                        statusWatches,
                        slimMb,
                        fullMb,
                        watched.writeSeconds,
                        watched.lagMillis);
            }
        }
    }

    /** The cache's objects as JSON, in MB: what the informer holds, measured without instrumentation. */
    private static double jsonMb(List<GenericKubernetesResource> objects) {
        long bytes = 0;
        for (GenericKubernetesResource o : objects) bytes += JSON.asJson(o).length();
        return bytes / 1048576.0;
    }

    private static int runStatus(Path kubeconfig) {
        StringWriter out = new StringWriter();
        return Main.run(
                new String[] {"status", "--kubeconfig", kubeconfig.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));
    }

    record Jvm(double seconds, double peakMb, double liveMb) {}

    /** status in its own JVM with -Xmx256m, the way a user runs it; heap from its GC log. */
    private static Jvm separateJvm(Path kubeconfig, Bench.BenchContext ctx, int n) throws Exception {
        String jar = ctx.home().resolve("cli/target/kfboot.jar").toString();
        Path gcLog = ctx.home().resolve("bench/target/status-gc-" + n + ".log");
        List<String> cmd = List.of(
                "java",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Xlog:gc:file=" + gcLog,
                "-jar",
                jar,
                "status",
                "--kubeconfig",
                kubeconfig.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int code = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) throw new IllegalStateException("status with -Xmx256m exited " + code);
        double peak = 0;
        double live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            var m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Double.parseDouble(m.group(1)));
                live = Math.max(live, Double.parseDouble(m.group(2)));
            }
        }
        return new Jvm(s, peak, live);
    }

    record Watched(double writeSeconds, double lagMillis) {}

    /** Updates every app's health message, then measures how long after the last write the store has seen all. */
    private static Watched updateAllAndWait(KubernetesClient admin, AppStore store, int n) throws InterruptedException {
        long t0 = System.nanoTime();
        var apps = admin.genericKubernetesResources(ArgoResources.APPLICATION).inNamespace("argocd");
        for (int i = 0; i < n; i++) {
            apps.withName(name(i)).edit(a -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> status =
                        (Map<String, Object>) a.getAdditionalProperties().get("status");
                status.put("health", Map.of("status", "Healthy", "message", "checked again"));
                return a;
            });
        }
        long written = System.nanoTime();
        while (true) {
            long seen = store.version();
            long updated = store.snapshot().stream()
                    .filter(a -> a.healthMessage().equals("checked again"))
                    .count();
            if (updated == n) return new Watched((written - t0) / 1e9, (System.nanoTime() - written) / 1e6);
            store.awaitChange(seen, Duration.ofSeconds(30));
        }
    }

    private static String name(int i) {
        return String.format("app-%04d", i);
    }

    private static void populate(KubernetesClient admin, int n) {
        var apps = admin.genericKubernetesResources(ArgoResources.APPLICATION).inNamespace("argocd");
        for (int i = 0; i < n; i++) apps.resource(app(i)).create();
    }

    /** An Application the size of a real Kubeflow component's: 60 resources, 10 history entries. */
    static GenericKubernetesResource app(int i) {
        String rev = String.format("%040x", i * 7919L);
        Map<String, Object> source = Map.of(
                "repoURL",
                "https://github.com/kubeflow/manifests.git",
                "targetRevision",
                "26.03",
                "path",
                "applications/component-" + i + "/upstream/overlays/kubeflow");
        List<Object> resources = new ArrayList<>();
        for (int r = 0; r < 60; r++) {
            resources.add(Map.of(
                    "group",
                    r % 3 == 0 ? "apps" : "",
                    "version",
                    "v1",
                    "kind",
                    r % 3 == 0 ? "Deployment" : r % 3 == 1 ? "Service" : "ConfigMap",
                    "namespace",
                    "kubeflow",
                    "name",
                    "component-" + i + "-object-" + r,
                    "status",
                    "Synced"));
        }
        List<Object> history = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            history.add(Map.of(
                    "id",
                    h,
                    "revision",
                    rev,
                    "deployedAt",
                    "2026-11-23T10:0" + h + ":00Z",
                    "deployStartedAt",
                    "2026-11-23T10:0" + h + ":00Z",
                    "source",
                    source));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("sync", Map.of("status", "Synced", "revision", rev, "comparedTo", Map.of("source", source)));
        status.put("health", Map.of("status", "Healthy"));
        status.put("resources", resources);
        status.put("history", history);
        status.put(
                "operationState",
                Map.of(
                        "phase",
                        "Succeeded",
                        "message",
                        "successfully synced (all tasks run)",
                        "startedAt",
                        "2026-11-23T10:09:00Z",
                        "finishedAt",
                        "2026-11-23T10:09:30Z",
                        "operation",
                        Map.of("sync", Map.of("revision", rev), "initiatedBy", Map.of("automated", true)),
                        "syncResult",
                        Map.of("revision", rev, "source", source, "resources", resources)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "argoproj.io/v1alpha1");
        doc.put("kind", "Application");
        doc.put(
                "metadata",
                Map.of(
                        "name",
                        name(i),
                        "namespace",
                        "argocd",
                        "annotations",
                        Map.of("argocd.argoproj.io/sync-wave", String.valueOf(i % 5))));
        doc.put(
                "spec",
                Map.of(
                        "project",
                        "kubeflow",
                        "source",
                        source,
                        "destination",
                        Map.of("server", "https://kubernetes.default.svc", "namespace", "kubeflow"),
                        "syncPolicy",
                        Map.of("automated", Map.of("prune", true, "selfHeal", true), "retry", Map.of("limit", 5))));
        doc.put("status", status);
        return JSON.convertValue(doc, GenericKubernetesResource.class);
    }
}
