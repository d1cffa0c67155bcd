package dev.kfboot.generate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;
import dev.kfboot.model.ResourceId;
import dev.kfboot.upgrade.Change;
import dev.kfboot.upgrade.UpgradePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an upgrade adds to one app's overlay so Argo CD carries it out by itself: the per-resource sync options the
 * upgrade plan decided ({@code Force=true,Replace=true} on objects whose immutable fields change,
 * {@code Prune=false,Delete=false} on data-bearing objects that move or leave) on exactly those objects, as named
 * patches, and the objects the new release drops but the cluster must keep, as resources with their old bodies. Every
 * edit keeps the reasons the plan gave, for the overlay's header and the tree's README: they are to be removed after
 * the upgrade (generate again without {@code --upgrade-from}).
 *
 * @param patched the app's rendered objects to annotate (rendered identity, as the patch targets them)
 * @param kept    the old bodies to keep, annotated, in the order written
 * @param edits   one line per object, for the README and {@code -o json}
 */
record UpgradeOverlay(Map<KubeObject, String> patched, List<Map<String, Object>> kept, List<UpgradeEdit> edits) {

    /** The file in the overlay that holds the kept objects. */
    static final String KEPT_FILE = "upgrade-kept.yaml";

    static final UpgradeOverlay NONE = new UpgradeOverlay(Map.of(), List.of(), List.of());

    boolean isEmpty() {
        return patched.isEmpty() && kept.isEmpty();
    }

    /** The upgrade's edits of {@code app} (objects it does not render are left to {@link #unwritten}). */
    static UpgradeOverlay of(TreeContext ctx, String app) {
        UpgradePlan plan = ctx.options().upgrade();
        if (plan == null) return NONE;
        Map<ResourceId, String> options = new TreeMap<>();
        Map<ResourceId, List<String>> reasons = new TreeMap<>();
        for (Change c : plan.changes()) {
            if (c.syncOptions() == null || !app.equals(c.app())) continue;
            options.merge(c.target(), c.syncOptions(), UpgradeOverlay::merge);
            reasons.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(reason(c));
        }
        Map<ResourceId, UpgradePlan.Kept> keptById = new LinkedHashMap<>();
        for (UpgradePlan.Kept k : plan.kept()) if (k.app().equals(app)) keptById.put(k.id(), k);
        if (options.isEmpty() && keptById.isEmpty()) return NONE;

        Map<ResourceId, KubeObject> rendered = new LinkedHashMap<>();
        for (Inventory.Entry e : ctx.plan().inventory().of(app)) {
            rendered.putIfAbsent(e.object().id().withNamespace(e.namespace()), e.object());
        }
        Map<KubeObject, String> patched = new LinkedHashMap<>();
        List<Map<String, Object>> kept = new ArrayList<>();
        List<UpgradeEdit> edits = new ArrayList<>();
        for (var e : options.entrySet()) {
            KubeObject o = rendered.get(e.getKey());
            if (o != null) {
                patched.put(o, e.getValue());
                edits.add(new UpgradeEdit(app, e.getKey(), e.getValue(), false, reasons.get(e.getKey())));
            }
        }
        for (UpgradePlan.Kept k : keptById.values()) {
            String opts = merge(options.getOrDefault(k.id(), ""), AppOverlay.PROTECT);
            if (k.id().kind().equals("CustomResourceDefinition")
                    && Json.mapper().valueToTree(k.body()).toString().length() > ArgoCd.LAST_APPLIED_LIMIT) {
                opts = merge(opts, ArgoCd.SERVER_SIDE_APPLY);
            }
            kept.add(body(k, opts));
            List<String> why = new ArrayList<>(reasons.getOrDefault(k.id(), List.of()));
            if (why.isEmpty()) why.add(k.reason());
            edits.add(new UpgradeEdit(app, k.id(), opts, true, why));
        }
        return new UpgradeOverlay(patched, kept, edits);
    }

    /**
     * A warning for each object the plan gives sync options that no app of the tree writes: its app is not in the
     * platform (disabled, or gone without a successor), or the app does not render it.
     */
    static List<Finding> unwritten(TreeContext ctx, List<ChildApp> apps) {
        UpgradePlan plan = ctx.options().upgrade();
        if (plan == null) return List.of();
        Set<String> written = new HashSet<>();
        for (ChildApp a : apps) {
            if (a.overlay() != null)
                for (UpgradeEdit e : a.overlay().upgrade().edits()) written.add(a.id() + " " + e.id());
        }
        Map<String, Finding> out = new TreeMap<>();
        for (Change c : plan.changes()) {
            if (c.syncOptions() == null || c.app() == null || written.contains(c.app() + " " + c.target())) continue;
            boolean inTree = apps.stream().anyMatch(a -> a.id().equals(c.app()));
            out.putIfAbsent(
                    c.app() + " " + c.target(),
                    Finding.warning(
                            "upgrade-option",
                            c.app(),
                            c.target() + ": "
                                    + c.syncOptions() + " not written: "
                                    + (inTree
                                            ? c.app() + " does not render it in this platform"
                                            : "app " + c.app() + " is not in this platform"),
                            "set " + c.syncOptions() + " on the live object before syncing (kubectl annotate), "
                                    + "or generate a platform that renders it"));
        }
        for (UpgradePlan.Kept k : plan.kept()) {
            if (written.contains(k.app() + " " + k.id())) continue;
            out.putIfAbsent(
                    k.app() + " " + k.id(),
                    Finding.warning(
                            "upgrade-option",
                            k.app(),
                            k.id() + ": not kept: app " + k.app() + " is not in this platform (" + k.reason() + ")",
                            "set " + AppOverlay.PROTECT
                                    + " on the live object before syncing (kubectl annotate), or enable " + k.app()));
        }
        return List.copyOf(out.values());
    }

    /** The old body with the options merged into its own and its namespace written out. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(UpgradePlan.Kept k, String options) {
        Map<String, Object> copy = Json.mapper().convertValue(k.body(), LinkedHashMap.class);
        Map<String, Object> meta = (Map<String, Object>) copy.computeIfAbsent("metadata", x -> new LinkedHashMap<>());
        if (k.id().namespace() != null) meta.put("namespace", k.id().namespace());
        Map<String, Object> annotations = meta.get("annotations") instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m)
                : new LinkedHashMap<>();
        Object own = annotations.get(ArgoCd.SYNC_OPTIONS);
        annotations.put(ArgoCd.SYNC_OPTIONS, own == null ? options : merge(String.valueOf(own), options));
        meta.put("annotations", annotations);
        copy.remove("status");
        return copy;
    }

    private static String reason(Change c) {
        return c.type().slug() + ": " + c.message();
    }

    /** Lines for the overlay's header and the README's app section. */
    List<String> reasons(String from) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> byOptions = new TreeMap<>();
        for (UpgradeEdit e : edits) if (!e.kept()) byOptions.merge(e.syncOptions(), 1, Integer::sum);
        byOptions.forEach((o, n) -> out.add("upgrade from " + from + ": " + o + " on " + AppOverlay.count(n, "object")
                + " (see the README's upgrade section; remove after the upgrade)"));
        long kept = edits.stream().filter(UpgradeEdit::kept).count();
        if (kept > 0) {
            out.add("upgrade from " + from + ": keeps " + AppOverlay.count((int) kept, "object")
                    + " the new release drops, in " + KEPT_FILE + " (" + AppOverlay.PROTECT + ")");
        }
        return out;
    }

    /** Sync option lists merged without repeats, in first-seen order. */
    static String merge(String a, String b) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : (a + "," + b).split(",")) if (!s.isBlank()) all.add(s.trim());
        return String.join(",", all);
    }
}
