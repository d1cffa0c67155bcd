package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import java.util.List;

/** One way of reading an ordering out of the inventory. Each rule is a class of its own. */
interface EdgeRule {

    /** Adds the edges this rule sees to {@code edges} and problems to {@code findings}. */
    void derive(Inventory inventory, EdgeCollector edges, List<Finding> findings, List<InternalOrdering> internal);
}
