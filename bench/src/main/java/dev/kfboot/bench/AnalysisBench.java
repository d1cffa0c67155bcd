package dev.kfboot.bench;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.Validator;
import dev.kfboot.validate.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validate's analysis (tree, inventory, dependency graph, catalog match, every rule) on synthetic trees of
 * 12,500 to 50,000 objects, 500 per app, rendered by a stand-in renderer so only kfboot's own work is timed.
 * Each app has a namespace enforcing PSS restricted with sidecar injection on, a CRD, custom resources of the
 * previous app's CRD, workloads, services, config maps and secrets; the first app ships a pod webhook. Goal:
 * at most 2 s at 50,000 objects, linear in size.
 */
final class AnalysisBench implements Bench.Benchmark {

    private static final int PER_APP = 500;

    @Override
    public void run(Bench.BenchContext ctx) throws Exception {
        int[] sizes = {12_500, 25_000, 50_000};
        time(sizes[0]); // warm-up
        double first = 0;
        for (int n : sizes) {
            List<Double> runs = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            int findings = 0;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                long cpuStart = Bench.processCpuNanos();
                findings = time(n).findings().size();
                runs.add((System.nanoTime() - start) / 1e9);
                cpu.add((Bench.processCpuNanos() - cpuStart) / 1e9);
            }
            double s = Bench.median(runs);
            double perObject = s / n * 1e6;
            if (first == 0) first = perObject;
            System.out.printf(
                    "%,7d objects (%d apps): %.3f s (CPU %.3f s), %.1f us/object (x%.2f of the "
                            + "smallest), %d findings%s%n",
                    n,
                    n / PER_APP,
                    s,
                    Bench.median(cpu),
                    perObject,
                    perObject / first,
                    findings,
                    n == 50_000 ? "  (goal <= 2 s: " + (s <= 2.0 ? "met" : "NOT met") + ")" : "");
        }
    }

    private static Validation time(int objects) throws IOException {
        Path repo = Files.createTempDirectory("kfboot-bench-analysis-");
        try {
            int apps = objects / PER_APP;
            Map<String, List<Map<String, Object>>> renders = new HashMap<>();
            Files.createDirectories(repo.resolve("tree/apps"));
            Files.writeString(repo.resolve("tree/root.yaml"), app("root", 0, "tree/apps"));
            for (int i = 0; i < apps; i++) {
                String path = "c/app-" + i;
                Files.createDirectories(repo.resolve(path));
                Files.writeString(repo.resolve(path + "/kustomization.yaml"), "resources: []\n");
                Files.writeString(repo.resolve("tree/apps/app-" + i + ".yaml"), app("app-" + i, i % 5, path));
                renders.put(path, objects(i));
            }
            RenderRunner stand = (units, options, progress) -> {
                List<Rendered> out = new ArrayList<>();
                for (RenderUnit u : units)
                    out.add(new Rendered(u, renders.get(u.paths().get(0)), null, List.of(), 0));
                return new Rendering.Result(out, "synthetic");
            };
            RenderOptions options =
                    new RenderOptions(null, 1, Duration.ofMinutes(1), new KustomizeTool(List.of("none"), "synthetic"));
            return new Validator(Catalogs.builtin(), stand, r -> {}, Rules.all())
                    .validate(new ValidateRequest(repo.resolve("tree"), repo, Map.of(), options, null, null));
        } finally {
            try (Stream<Path> files = Files.walk(repo)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    private static String app(String name, int wave, String path) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd, annotations: {argocd.argoproj.io/sync-wave: "%d"}}
                spec:
                  project: synthetic
                  source: {repoURL: https://github.com/acme/synthetic.git, path: %s}
                  destination: {server: https://kubernetes.default.svc, namespace: ns-%s}
                """.formatted(name, wave, path, name);
    }

    /** 500 objects of app {@code i}. */
    private static List<Map<String, Object>> objects(int i) {
        String ns = "ns-app-" + i;
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(obj(
                "v1",
                "Namespace",
                null,
                ns,
                Map.of(
                        "labels",
                        Map.of("pod-security.kubernetes.io/enforce", "restricted", "istio-injection", "enabled")),
                Map.of()));
        out.add(obj(
                "apiextensions.k8s.io/v1",
                "CustomResourceDefinition",
                null,
                "widgets.g" + i + ".example.io",
                Map.of(),
                Map.of(
                        "spec",
                        Map.of(
                                "group",
                                "g" + i + ".example.io",
                                "scope",
                                "Namespaced",
                                "names",
                                Map.of("kind", "Widget", "plural", "widgets")))));
        if (i == 0) {
            out.add(obj(
                    "admissionregistration.k8s.io/v1",
                    "MutatingWebhookConfiguration",
                    null,
                    "sidecar-injector",
                    Map.of(),
                    Map.of(
                            "webhooks",
                            List.of(Map.of(
                                    "name",
                                    "inject.example.io",
                                    "rules",
                                    List.of(Map.of(
                                            "apiGroups",
                                            List.of(""),
                                            "resources",
                                            List.of("pods"),
                                            "operations",
                                            List.of("CREATE"))),
                                    "namespaceSelector",
                                    Map.of("matchLabels", Map.of("istio-injection", "enabled")))))));
        }
        int k = 0;
        while (out.size() < PER_APP) {
            String name = "obj-" + (k++);
            switch (k % 5) {
                case 0 ->
                    out.add(obj(
                            "g" + Math.max(0, i - 1) + ".example.io/v1",
                            "Widget",
                            ns,
                            name,
                            Map.of(),
                            Map.of("spec", Map.of("size", k))));
                case 1 -> out.add(deployment(ns, name));
                case 2 ->
                    out.add(obj(
                            "v1",
                            "Service",
                            ns,
                            name,
                            Map.of(),
                            Map.of("spec", Map.of("ports", List.of(Map.of("port", 80))))));
                case 3 ->
                    out.add(obj("v1", "ConfigMap", ns, name, Map.of(), Map.of("data", Map.of("key", "value-" + k))));
                default -> out.add(obj("v1", "ServiceAccount", ns, name, Map.of(), Map.of()));
            }
        }
        return out;
    }

    /** A workload whose pod template passes PSS restricted. */
    private static Map<String, Object> deployment(String ns, String name) {
        Map<String, Object> container = Map.of(
                "name",
                "main",
                "image",
                "example/" + name,
                "securityContext",
                Map.of("allowPrivilegeEscalation", false, "capabilities", Map.of("drop", List.of("ALL"))));
        Map<String, Object> podSpec = Map.of(
                "securityContext",
                Map.of("runAsNonRoot", true, "seccompProfile", Map.of("type", "RuntimeDefault")),
                "containers",
                List.of(container));
        Map<String, Object> template = Map.of("metadata", Map.of("labels", Map.of("app", name)), "spec", podSpec);
        return obj(
                "apps/v1",
                "Deployment",
                ns,
                name,
                Map.of("labels", Map.of("app", name)),
                Map.of("spec", Map.of("template", template)));
    }

    private static Map<String, Object> obj(
            String apiVersion,
            String kind,
            String ns,
            String name,
            Map<String, Object> meta,
            Map<String, Object> rest) {
        Map<String, Object> metadata = new LinkedHashMap<>(meta);
        metadata.put("name", name);
        if (ns != null) metadata.put("namespace", ns);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.put("metadata", metadata);
        o.putAll(rest);
        return o;
    }
}
