package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Derives the dependency graph of a platform from its inventory with every {@link EdgeRule}. */
public final class DependencyAnalysis {

    /** The graph, what the rules found missing, and orderings inside single components. */
    public record Result(DependencyGraph graph, List<Finding> findings, List<InternalOrdering> internal) {}

    private DependencyAnalysis() {}

    /**
     * @param nodes    every app of the platform, also those that render nothing
     * @param declared edges from the catalog and the spec; edges to apps outside {@code nodes} are dropped
     */
    public static Result analyze(Set<String> nodes, Inventory inventory, List<DeclaredEdge> declared) {
        return analyze(nodes, inventory, declared, KindProviders.NONE);
    }

    /** @param providers CRDs that come from outside the rendered manifests */
    public static Result analyze(
            Set<String> nodes, Inventory inventory, List<DeclaredEdge> declared, KindProviders providers) {
        EdgeCollector edges = new EdgeCollector();
        List<Finding> findings = new ArrayList<>();
        List<InternalOrdering> internal = new ArrayList<>();
        MissingProviders missing = new MissingProviders(providers.shippedBy(), "platform");
        List<EdgeRule> rules = List.of(
                new CrdEdges(providers, missing),
                new NamespaceEdges(),
                new WebhookEdges(),
                new CaInjectionEdges(missing),
                new DuplicateObjects());
        for (EdgeRule rule : rules) rule.derive(inventory, edges, findings, internal);
        findings.addAll(missing.findings(MissingProviders.IN_SPEC));
        for (DeclaredEdge d : declared) {
            if (nodes.contains(d.component()) && nodes.contains(d.dependsOn())) {
                edges.declare(d);
            }
        }
        Collections.sort(findings);
        List<InternalOrdering> dedup = internal.stream().distinct().sorted().toList();
        return new Result(new DependencyGraph(nodes, edges.dependencies()), List.copyOf(findings), dedup);
    }
}
