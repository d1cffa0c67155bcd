package dev.kfboot.upgrade;

import dev.kfboot.graph.DependencyAnalysis;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.plan.WaveCompiler;
import dev.kfboot.render.Rendered;
import dev.kfboot.validate.CatalogMatch;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A GitOps tree (written by {@code kfboot generate} or by hand) as the side an upgrade starts from: the objects its
 * apps render as {@code validate} read them (its inventory, bodies kept), each app named by the release component it
 * installs, so its objects pair with the target release's apps: the component label generate writes on child
 * Applications, else the component {@link CatalogMatch} recognises in what the app renders, else the Application's
 * name. Waves are derived from the objects as for a release, so both sides are ordered the same way.
 */
public final class TreeSide {

    /** The label generate puts on each child Application: the app id (generate's {@code Names.COMPONENT}). */
    static final String COMPONENT_LABEL = "kfboot.dev/component";

    private TreeSide() {}

    /** @param validation a fresh validation (with its context) of the tree */
    public static ReleaseTree of(Validation validation, String release) {
        ValidationContext ctx = validation.context();
        if (ctx == null) throw new IllegalArgumentException("the validation has no context: validate, do not recall");
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> apps = new LinkedHashMap<>();
        for (TreeApp a : ctx.tree().apps()) {
            String id = componentOf(a, ctx.catalog());
            if (id == null || ids.containsValue(id)) id = a.id();
            ids.put(a.id(), id);
            apps.put(id, a.file() == null ? a.id() : a.file().toString());
        }
        List<KubeObject> objects = new ArrayList<>();
        for (Inventory.Entry e : ctx.inventory().entries()) {
            objects.add(e.object().withComponent(ids.getOrDefault(e.component(), e.component())));
        }
        Map<String, String> destinations = new HashMap<>();
        for (TreeApp a : ctx.tree().apps())
            destinations.put(ids.get(a.id()), a.app().destinationNamespace());
        Inventory inventory = Inventory.of(objects, destinations);
        var present = new LinkedHashSet<>(inventory.components());
        DependencyAnalysis.Result analysis = DependencyAnalysis.analyze(present, inventory, List.of());
        Map<String, Integer> waves = WaveCompiler.compile(analysis.graph(), Map.of());

        List<Finding> findings = new ArrayList<>();
        for (Rendered r : ctx.renders().all()) if (!r.ok()) findings.add(r.failure());
        ctx.unverifiedApps()
                .forEach((app, why) -> findings.add(Finding.error(
                        "unverified",
                        app,
                        "cannot read what " + app + " deploys: " + why + "; its objects would show as removed",
                        "give the tree's other repositories with --source URL=DIR, or plan from the release trees")));
        return new ReleaseTree(
                new Side(release, inventory, waves, analysis.graph().edges()),
                apps,
                findings.stream().distinct().sorted().toList());
    }

    private static String componentOf(TreeApp a, CatalogMatch catalog) {
        String label = a.app().labels().get(COMPONENT_LABEL);
        if (label != null && !label.isBlank()) return label;
        return catalog.of(a.id()).stream()
                .max(Comparator.comparingInt(CatalogMatch.Coverage::matched))
                .map(c -> c.component().id())
                .orElse(null);
    }
}
