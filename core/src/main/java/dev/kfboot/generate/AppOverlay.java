package dev.kfboot.generate;

import dev.kfboot.argocd.AppNeeds;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import dev.kfboot.spec.App;
import dev.kfboot.spec.Repo;
import dev.kfboot.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local kustomize overlay of one component, when Argo CD needs something the upstream kustomization
 * cannot say: per-resource sync options ({@code Prune=false,Delete=false} on its CRDs and Namespaces,
 * {@code ServerSideApply=true} on CRDs over the 262,144-byte last-applied limit), several paths, or kustomize
 * Components. Per-resource options beat app-wide ones: an app-wide ServerSideApply would change how every
 * object of the app is applied, to fix eight CRDs. Protection patches target every CRD and Namespace of the
 * app by kind, so a CRD a later revision adds is protected too; the server-side apply patches name the CRDs.
 * In the fork layout the overlay reaches the upstream path relatively; standalone, as a remote base at the
 * release tag.
 *
 * @param dir     the overlay's directory inside the tree
 * @param reasons why the overlay exists, one line each (its header comment and the README)
 * @param upgrade what an upgrade adds (per-object options, kept objects); {@link UpgradeOverlay#NONE} without one
 */
public record AppOverlay(String app, String dir, String content, List<String> reasons, UpgradeOverlay upgrade) {

    static final String PROTECT = ArgoCd.PRUNE_FALSE + "," + ArgoCd.DELETE_FALSE;
    private static final GroupKind CRD = new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition");
    private static final GroupKind NAMESPACE = new GroupKind("", "Namespace");

    /** @return null when the app can point straight at its upstream path */
    static AppOverlay of(TreeContext ctx, App app, AppNeeds needs) {
        List<KubeObject> crds = new ArrayList<>();
        List<KubeObject> namespaces = new ArrayList<>();
        for (Inventory.Entry e : ctx.plan().inventory().of(app.id())) {
            if (e.object().isCrd()) crds.add(e.object());
            if (e.object().isNamespace()) namespaces.add(e.object());
        }
        List<Object> patches = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean keepsCrd = ctx.options().upgrade() != null
                && ctx.options().upgrade().kept().stream()
                        .anyMatch(k ->
                                k.app().equals(app.id()) && k.id().groupKind().equals(CRD));
        boolean keepsNamespace = ctx.options().upgrade() != null
                && ctx.options().upgrade().kept().stream()
                        .anyMatch(k ->
                                k.app().equals(app.id()) && k.id().groupKind().equals(NAMESPACE));
        if (!crds.isEmpty() || keepsCrd) {
            patches.add(patch(CRD, "all", PROTECT, true));
            reasons.add(PROTECT + " on its " + count(crds.size(), "CRD")
                    + (owns(crds, ArgoCd.PROFILES_CRD)
                            ? " (profiles.kubeflow.org among them: deleting it deletes every profile namespace)"
                            : ""));
        }
        if (!namespaces.isEmpty() || keepsNamespace) {
            patches.add(patch(NAMESPACE, "all", PROTECT, true));
            reasons.add(PROTECT + " on its " + count(namespaces.size(), "Namespace"));
        }
        UpgradeOverlay upgrade = UpgradeOverlay.of(ctx, app.id());
        int ssa = 0;
        for (KubeObject o : crds) {
            String existing = o.annotation(ArgoCd.SYNC_OPTIONS);
            boolean large = needs.needsServerSideApply(o.id());
            String upgrading = upgrade.patched().get(o);
            if (!large && existing == null && upgrading == null) continue;
            Set<String> options = new LinkedHashSet<>();
            if (existing != null) for (String s : existing.split(",")) if (!s.isBlank()) options.add(s.trim());
            options.add(ArgoCd.PRUNE_FALSE);
            options.add(ArgoCd.DELETE_FALSE);
            if (large) {
                options.add(ArgoCd.SERVER_SIDE_APPLY);
                ssa++;
            }
            if (upgrading != null) for (String s : upgrading.split(",")) options.add(s.trim());
            patches.add(namedPatch(o, String.join(",", options)));
        }
        // the upgrade's objects that are no CRD: their own options, the kind-wide protection (a named patch replaces
        // the annotation the kind-wide one set) and the upgrade's, on exactly that object
        for (var e : upgrade.patched().entrySet()) {
            KubeObject o = e.getKey();
            if (o.isCrd()) continue;
            String options = UpgradeOverlay.merge(
                    o.annotation(ArgoCd.SYNC_OPTIONS) == null ? "" : o.annotation(ArgoCd.SYNC_OPTIONS),
                    o.isNamespace() ? PROTECT : "");
            patches.add(namedPatch(o, UpgradeOverlay.merge(options, e.getValue())));
        }
        // kept CRDs and Namespaces whose options are more than the protection: the kind-wide patch would replace them
        for (Map<String, Object> doc : upgrade.kept()) {
            ResourceId id = keptId(doc);
            String options = String.valueOf(
                    ((Map<?, ?>) doc.get("metadata")).get("annotations") instanceof Map<?, ?> a
                            ? a.get(ArgoCd.SYNC_OPTIONS)
                            : PROTECT);
            boolean kindWide = id.groupKind().equals(CRD) || id.groupKind().equals(NAMESPACE);
            if (kindWide && !options.equals(PROTECT))
                patches.add(patch(id.groupKind(), id.name(), options, false, String.valueOf(doc.get("apiVersion"))));
        }
        reasons.addAll(upgrade.reasons(
                ctx.options().upgrade() == null ? "" : ctx.options().upgrade().from()));
        if (ssa > 0) {
            reasons.add(ArgoCd.SERVER_SIDE_APPLY + " on its " + count(ssa, "CRD") + " over " + ArgoCd.LAST_APPLIED_LIMIT
                    + " bytes (client-side apply fails on the last-applied annotation)");
        }
        for (var e :
                ctx.platform().superseded().getOrDefault(app.id(), Map.of()).entrySet()) {
            patches.add(deletePatch(e.getKey()));
            reasons.add("drops its " + e.getKey() + ": " + e.getValue() + " ships its own copy");
        }
        var variant = app.variant();
        if (variant.paths().size() > 1)
            reasons.add("combines " + variant.paths().size() + " upstream paths");
        if (!variant.components().isEmpty())
            reasons.add("adds kustomize Components " + String.join(", ", variant.components()));
        if (reasons.isEmpty()) return null;

        String dir = TreeLayout.overlay(app.id());
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        List<String> resources = new ArrayList<>();
        for (String p : variant.paths()) resources.add(upstream(ctx, dir, p));
        if (!upgrade.kept().isEmpty()) resources.add(UpgradeOverlay.KEPT_FILE);
        k.put("resources", resources);
        if (!variant.components().isEmpty()) {
            List<String> comps = new ArrayList<>();
            for (String p : variant.components()) comps.add(upstream(ctx, dir, p));
            k.put("components", comps);
        }
        if (!patches.isEmpty()) k.put("patches", patches);
        StringBuilder header = new StringBuilder("# Written by kfboot: ")
                .append(app.id())
                .append(" from ")
                .append(String.join(", ", variant.paths()))
                .append(" (")
                .append(ctx.platform().release())
                .append("), with what Argo CD needs per resource:\n");
        for (String r : reasons) header.append("# - ").append(r).append('\n');
        header.append(
                "# Kind-wide patches name no object (\"all\"): kustomize applies them to every object of the kind.\n");
        return new AppOverlay(app.id(), dir, header + YamlWriter.write(k), List.copyOf(reasons), upgrade);
    }

    /** An upstream path as the overlay references it. */
    private static String upstream(TreeContext ctx, String overlayDir, String manifestsPath) {
        Repo repo = ctx.platform().repo();
        String inRepo = RepoPaths.join(repo.path(), manifestsPath);
        return ctx.layout() == Layout.FORK
                ? RepoPaths.relative(ctx.site().resolve(overlayDir), inRepo)
                : RepoPaths.remote(repo.url(), inRepo, repo.revision());
    }

    private static Map<String, Object> patch(GroupKind kind, String name, String options, boolean kindWide) {
        return patch(kind, name, options, kindWide, kind.equals(CRD) ? "apiextensions.k8s.io/v1" : "v1");
    }

    private static Map<String, Object> patch(
            GroupKind kind, String name, String options, boolean kindWide, String apiVersion) {
        Map<String, Object> target = new LinkedHashMap<>();
        if (!kind.group().isEmpty()) target.put("group", kind.group());
        target.put("kind", kind.kind());
        if (!kindWide) target.put("name", name);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        meta.put("annotations", Map.of(ArgoCd.SYNC_OPTIONS, options));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", apiVersion);
        body.put("kind", kind.kind());
        body.put("metadata", meta);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("target", target);
        p.put("patch", YamlWriter.write(body));
        return p;
    }

    /** A strategic-merge {@code $patch: delete} of one object. */
    private static Map<String, Object> deletePatch(ResourceId id) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", id.name());
        if (id.namespace() != null) meta.put("namespace", id.namespace());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("$patch", "delete");
        body.put("apiVersion", id.group().isEmpty() ? "v1" : id.group() + "/v1");
        body.put("kind", id.kind());
        body.put("metadata", meta);
        return Map.of("patch", YamlWriter.write(body));
    }

    /** A patch of exactly one rendered object: kind, name and (when rendered with one) namespace. */
    private static Map<String, Object> namedPatch(KubeObject o, String options) {
        Map<String, Object> p = patch(
                o.id().groupKind(),
                o.id().name(),
                options,
                false,
                o.apiVersion() != null ? o.apiVersion() : o.isCrd() ? "apiextensions.k8s.io/v1" : "v1");
        if (o.id().namespace() != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) p.get("target");
            target.put("namespace", o.id().namespace());
        }
        return p;
    }

    private static ResourceId keptId(Map<String, Object> doc) {
        Map<?, ?> meta = (Map<?, ?>) doc.get("metadata");
        String apiVersion = String.valueOf(doc.get("apiVersion"));
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return ResourceId.of(
                group,
                String.valueOf(doc.get("kind")),
                meta.get("namespace") == null ? null : String.valueOf(meta.get("namespace")),
                String.valueOf(meta.get("name")));
    }

    private static boolean owns(List<KubeObject> crds, String name) {
        return crds.stream().anyMatch(o -> o.id().name().equals(name));
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
