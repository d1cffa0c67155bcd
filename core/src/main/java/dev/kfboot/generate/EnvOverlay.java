package dev.kfboot.generate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.spec.ClusterRef;
import dev.kfboot.spec.Environment;
import dev.kfboot.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One environment's overlay of the child Applications ({@code envs/<name>/}) and its own root app. The
 * overlay reuses {@code apps/} and patches only what differs: the tree's revision (only sources in the tree's
 * own repository; upstream sources stay at the release tag), the destination cluster, and the spec's
 * per-app kustomize patches as Argo CD's {@code source.kustomize.patches}. Names get {@code -<env>}, so one
 * Argo CD can hold several environments without two Applications sharing a name.
 */
final class EnvOverlay {

    private EnvOverlay() {}

    static Environment env(TreeContext ctx, String name) {
        return ctx.platform().spec().environments().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown environment " + name));
    }

    static String revision(TreeContext ctx, String name) {
        Environment e = env(ctx, name);
        return e.revision() != null ? e.revision() : ctx.site().revision();
    }

    static ClusterRef destination(TreeContext ctx, String name) {
        Environment e = env(ctx, name);
        return e.destination() != null ? e.destination() : ctx.destination();
    }

    static String kustomization(TreeContext ctx, Environment env, List<ChildApp> apps) {
        String revision = revision(ctx, env.name());
        ClusterRef dest = destination(ctx, env.name());
        boolean moved = !dest.equals(ctx.destination());
        List<Object> patches = new ArrayList<>();
        for (ChildApp a : apps) {
            Map<String, Object> source = new LinkedHashMap<>();
            if (a.ownSource() && !revision.equals(a.source().targetRevision())) source.put("targetRevision", revision);
            List<Object> kpatches = new ArrayList<>();
            for (Environment.Patch p : env.patches()) {
                if (!p.app().equals(a.id())) continue;
                Map<String, Object> kp = new LinkedHashMap<>();
                if (!p.target().isEmpty()) kp.put("target", new LinkedHashMap<>(p.target()));
                kp.put("patch", p.patch());
                kpatches.add(kp);
            }
            if (!kpatches.isEmpty()) source.put("kustomize", Map.of("patches", kpatches));
            Map<String, Object> spec = new LinkedHashMap<>();
            if (!source.isEmpty()) spec.put("source", source);
            if (moved) {
                Map<String, Object> d = new LinkedHashMap<>();
                // a merge patch: null removes the other way of naming the cluster (Argo CD refuses both)
                d.put("server", dest.server());
                d.put("name", dest.name());
                spec.put("destination", d);
            }
            if (spec.isEmpty()) continue;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("apiVersion", ArgoCd.API_VERSION);
            body.put("kind", "Application");
            body.put("metadata", Map.of("name", a.name()));
            body.put("spec", spec);
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("group", ArgoCd.APPLICATION.group());
            target.put("kind", ArgoCd.APPLICATION.kind());
            target.put("name", a.name());
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("target", target);
            patch.put("patch", YamlWriter.write(body));
            patches.add(patch);
        }
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        k.put("resources", List.of(RepoPaths.relative(TreeLayout.env(env.name()), TreeLayout.APPS)));
        k.put("nameSuffix", "-" + env.name());
        if (!patches.isEmpty()) k.put("patches", patches);
        return "# Written by kfboot: environment " + env.name() + " (revision " + revision + ", cluster "
                + dest.label() + "). Its root app is " + TreeLayout.env(env.name()) + "/" + TreeLayout.ROOT_APP + ".\n"
                + YamlWriter.write(k);
    }
}
