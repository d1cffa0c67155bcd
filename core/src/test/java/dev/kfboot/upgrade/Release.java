package dev.kfboot.upgrade;

import dev.kfboot.graph.DependencyAnalysis;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.inventory.ObjectReader;
import dev.kfboot.plan.WaveCompiler;
import dev.kfboot.yaml.RenderedYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A release written inline: apps with their rendered objects; waves and edges derived as plan derives them. */
public final class Release {

    private final String name;
    private final List<KubeObject> objects = new ArrayList<>();
    private final Map<String, String> destinations = new LinkedHashMap<>();
    private final Set<String> apps = new LinkedHashSet<>();

    private Release(String name) {
        this.name = name;
    }

    public static Release named(String name) {
        return new Release(name);
    }

    public Release app(String id, String yaml) {
        apps.add(id);
        destinations.put(id, "kubeflow");
        for (Map<String, Object> doc : RenderedYaml.parse(yaml)) objects.add(ObjectReader.read(doc, id, true));
        return this;
    }

    public Side side() {
        Inventory inventory = Inventory.of(objects, destinations);
        DependencyAnalysis.Result analysis = DependencyAnalysis.analyze(apps, inventory, List.of());
        return new Side(
                name,
                inventory,
                WaveCompiler.compile(analysis.graph(), Map.of()),
                analysis.graph().edges());
    }

    public static UpgradePlan upgrade(Release from, Release to) {
        return UpgradeAnalysis.analyze(from.side(), to.side(), LiveFacts.NONE);
    }

    public static UpgradePlan upgrade(Release from, Release to, LiveFacts live) {
        return UpgradeAnalysis.analyze(from.side(), to.side(), live);
    }
}
