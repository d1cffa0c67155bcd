package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One object rendered by two apps: Argo CD reports a SharedResourceWarning and the two apps fight over it
 * (the seeds' metacontroller ClusterRole; an Istio ambient variant next to istio-namespace). Objects are
 * compared where they really land (cluster-scoped ones without their stray namespace).
 */
final class DuplicateObjects implements EdgeRule {

    static final String RULE = "duplicate-resource";

    @Override
    public void derive(Inventory inv, EdgeCollector edges, List<Finding> findings, List<InternalOrdering> internal) {
        Map<ResourceId, TreeSet<String>> owners = new TreeMap<>();
        for (Inventory.Entry e : inv.entries()) {
            ResourceId id = e.object().id().withNamespace(e.namespace());
            owners.computeIfAbsent(id, k -> new TreeSet<>()).add(e.component());
        }
        Map<String, List<ResourceId>> byApps = new LinkedHashMap<>();
        owners.forEach((id, apps) -> {
            if (apps.size() > 1)
                byApps.computeIfAbsent(String.join(" and ", apps), k -> new ArrayList<>())
                        .add(id);
        });
        byApps.forEach((apps, ids) -> {
            String first = apps.substring(0, apps.indexOf(" and "));
            String more = ids.size() > 1 ? " and " + (ids.size() - 1) + " more objects" : "";
            findings.add(Finding.error(
                            RULE,
                            first,
                            apps + " both render " + ids.get(0) + more
                                    + "; Argo CD would report a SharedResourceWarning and the "
                                    + "apps would fight over them",
                            "disable one of the two, or pick a variant that does not ship them")
                    .about(ids.get(0).toString()));
        });
    }
}
