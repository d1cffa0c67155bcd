package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import java.util.List;

/** Objects in a namespace need the component that creates that Namespace. */
final class NamespaceEdges implements EdgeRule {

    @Override
    public void derive(Inventory inv, EdgeCollector edges, List<Finding> findings, List<InternalOrdering> internal) {
        for (Inventory.Entry e : inv.entries()) {
            String ns = e.namespace();
            if (ns == null || Inventory.BUILTIN_NAMESPACES.contains(ns)) continue;
            List<Inventory.Entry> creators = inv.namespaceCreators(ns);
            // an app that creates the namespace itself waits for nobody else's copy (two copies are a duplicate)
            if (creators.stream().anyMatch(c -> c.component().equals(e.component()))) continue;
            for (Inventory.Entry creator : creators) {
                edges.add(
                        e.component(),
                        creator.component(),
                        Reason.Kind.NAMESPACE,
                        "puts objects into namespace " + ns + ", which " + creator.component() + " creates: {objects}",
                        "objects in namespace " + ns,
                        "objects",
                        e.object().id());
            }
        }
    }
}
