package dev.kfboot.generate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.plan.Plan;
import dev.kfboot.plan.PlanText;
import dev.kfboot.spec.ClusterRef;
import dev.kfboot.spec.Environment;
import dev.kfboot.spec.FleetCluster;
import dev.kfboot.spec.ResolvedPlatform;
import dev.kfboot.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the whole tree in memory from a platform and its plan: one child per app in wave order, overlays,
 * the aggregating kustomization, root app, projects, health check, environment overlays or the fleet's
 * ApplicationSet, and the README. Deterministic: the same spec and plan give the same bytes.
 */
public final class TreeGenerator {

    private TreeGenerator() {}

    public static GeneratedTree generate(ResolvedPlatform platform, Plan plan, TreeOptions options) {
        TreeContext ctx = TreeContext.of(platform, plan, options);
        List<Environment> envs = environments(platform, options);
        List<Finding> findings = new ArrayList<>(plan.findings());
        List<ChildApp> apps = new ArrayList<>();
        for (Plan.Wave w : plan.waveList()) {
            for (String id : w.components()) {
                apps.add(platform.app(id)
                        .map(a -> ChildApp.component(ctx, a))
                        .orElseGet(
                                () -> ChildApp.extra(ctx, platform.extraApp(id).orElseThrow())));
            }
        }
        Map<String, String> files = new TreeMap<>();
        List<String> resources = new ArrayList<>();
        if (options.applicationSet()) {
            files.put(
                    TreeLayout.APPS + "/" + TreeLayout.APPLICATION_SET,
                    header(ctx, "the fleet: every app on every cluster, rolled out wave by wave")
                            + YamlWriter.write(
                                    AppSets.document(ctx, apps, platform.spec().clusters())));
            resources.add(TreeLayout.APPLICATION_SET);
        } else {
            for (ChildApp a : apps) {
                files.put(
                        TreeLayout.app(a.id()),
                        header(ctx, a.id() + ", wave " + a.wave() + " (" + PlanText.firstReason(plan, a.id()) + ")")
                                + YamlWriter.write(a.document(ctx)));
                resources.add(a.id() + ".yaml");
            }
        }
        for (ChildApp a : apps)
            if (a.overlay() != null)
                files.put(a.overlay().dir() + "/kustomization.yaml", a.overlay().content());
        for (ChildApp a : apps) generatedManifests(ctx, a.id(), files);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        k.put("resources", resources);
        files.put(
                TreeLayout.APPS_KUSTOMIZATION,
                header(ctx, "what the root app syncs, in wave order") + YamlWriter.write(k));
        files.put(
                TreeLayout.ROOT_APP,
                header(ctx, "the app of apps; apply it after " + TreeLayout.PROJECTS)
                        + YamlWriter.write(RootApp.document(ctx, null)));
        files.put(
                TreeLayout.PROJECTS,
                header(ctx, "the AppProjects; apply them before " + TreeLayout.ROOT_APP)
                        + YamlWriter.writeAll(Project.documents(ctx, apps, clusters(ctx, envs), findings)));
        files.put(TreeLayout.HEALTH, AppHealthCheckPatch.file(ctx));
        for (Environment e : envs) {
            files.put(TreeLayout.env(e.name()) + "/kustomization.yaml", EnvOverlay.kustomization(ctx, e, apps));
            files.put(
                    TreeLayout.env(e.name()) + "/" + TreeLayout.ROOT_APP,
                    header(ctx, "the app of apps of environment " + e.name())
                            + YamlWriter.write(RootApp.document(ctx, e.name())));
        }
        for (ChildApp a : apps) {
            if (a.overlay() == null || a.overlay().upgrade().kept().isEmpty()) continue;
            files.put(
                    a.overlay().dir() + "/" + UpgradeOverlay.KEPT_FILE,
                    "# Written by kfboot: objects " + a.id()
                            + " keeps through the upgrade from "
                            + ctx.options().upgrade().from() + " although "
                            + ctx.platform().release() + " drops them; see the README's upgrade section.\n"
                            + YamlWriter.writeAll(a.overlay().upgrade().kept()));
        }
        findings.addAll(UpgradeOverlay.unwritten(ctx, apps));
        files.put(TreeLayout.README, TreeReadme.write(ctx, apps, envs));
        return new GeneratedTree(platform, new TreeMap<>(files), apps, plan, options, findings);
    }

    /** The manifests kfboot writes for an app (the Gateway API route) and the kustomization listing them. */
    private static void generatedManifests(TreeContext ctx, String app, Map<String, String> files) {
        List<Map<String, Object>> docs = ctx.platform().generatedFor(app);
        if (docs.isEmpty()) return;
        List<String> names = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            String name = String.valueOf(doc.get("kind")).toLowerCase(Locale.ROOT) + ".yaml";
            names.add(name);
            files.put(TreeLayout.overlay(app) + "/" + name, header(ctx, app) + YamlWriter.write(doc));
        }
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        k.put("resources", names);
        files.put(TreeLayout.overlay(app) + "/kustomization.yaml", header(ctx, app) + YamlWriter.write(k));
    }

    private static String header(TreeContext ctx, String what) {
        return "# Generated by kfboot from " + ctx.platform().spec().sourceName() + ": " + what + ".\n";
    }

    private static List<Environment> environments(ResolvedPlatform platform, TreeOptions options) {
        List<Environment> all = platform.spec().environments();
        Location where = platform.spec().source().known()
                ? Location.of(platform.spec().source().file())
                : Location.NONE;
        if (options.applicationSet()) {
            if (platform.spec().clusters().isEmpty()) {
                throw new InputException(
                        where,
                        "--applicationset needs the fleet's clusters",
                        "list them under spec.clusters (name, server, labels)");
            }
            if (!options.environments().isEmpty()) {
                throw new InputException(
                        where,
                        "--env and --applicationset do not combine",
                        "a fleet's clusters are its environments; drop --env or --applicationset");
            }
            return List.of();
        }
        if (options.environments().isEmpty()) return all;
        List<Environment> picked = new ArrayList<>();
        for (String name : new LinkedHashSet<>(options.environments())) {
            picked.add(all.stream()
                    .filter(e -> e.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InputException(
                            where,
                            "unknown environment '" + name + "'",
                            all.isEmpty()
                                    ? "the spec lists no environments; add them under spec.environments"
                                    : "environments in the spec: "
                                            + String.join(
                                                    ", ",
                                                    all.stream()
                                                            .map(Environment::name)
                                                            .toList()))));
        }
        return picked;
    }

    /** Every cluster the children may be deployed to: the platform's, each environment's, or the fleet. */
    private static List<ClusterRef> clusters(TreeContext ctx, List<Environment> envs) {
        Set<ClusterRef> out = new LinkedHashSet<>();
        if (ctx.options().applicationSet()) {
            for (FleetCluster c : ctx.platform().spec().clusters()) out.add(new ClusterRef(c.server(), null));
        } else {
            out.add(ctx.destination());
            for (Environment e : envs) out.add(EnvOverlay.destination(ctx, e.name()));
        }
        return List.copyOf(out);
    }
}
