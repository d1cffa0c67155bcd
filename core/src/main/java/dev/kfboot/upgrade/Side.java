package dev.kfboot.upgrade;

import dev.kfboot.graph.Dependency;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.ResourceId;
import dev.kfboot.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One end of an upgrade: a release's objects placed in their apps (bodies needed), each app's wave, and the edges
 * that placed them.
 *
 * @param release what the objects were rendered from, for messages
 */
public record Side(String release, Inventory inventory, Map<String, Integer> waves, List<Dependency> edges) {

    public Side {
        waves = Map.copyOf(waves);
        edges = List.copyOf(edges);
    }

    public static Side of(Plan plan) {
        return new Side(
                plan.release(), plan.inventory(), plan.waves(), plan.graph().edges());
    }

    /** Every object by its effective identity (the namespace it lands in; none for cluster-scoped kinds). */
    Map<ResourceId, Placed> placed() {
        Map<ResourceId, Placed> out = new LinkedHashMap<>();
        for (Inventory.Entry e : inventory.entries()) {
            if (e.object().body() == null) {
                throw new IllegalArgumentException(
                        "upgrade needs rendered bodies: " + e.object().id() + " has none");
            }
            ResourceId id = e.object().id().withNamespace(e.namespace());
            out.putIfAbsent(id, new Placed(id, e.component(), e.object()));
        }
        return out;
    }

    int waveOf(String app) {
        return waves.getOrDefault(app, Integer.MAX_VALUE);
    }
}
