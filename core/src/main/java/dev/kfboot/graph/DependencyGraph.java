package dev.kfboot.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Components and the dependencies between them; nodes and edges sorted, so every walk is deterministic. */
public final class DependencyGraph {

    private final Set<String> nodes;
    private final Map<String, List<Dependency>> dependenciesOf = new TreeMap<>();
    private final Map<String, List<Dependency>> dependentsOf = new TreeMap<>();
    private final List<Dependency> edges;

    public DependencyGraph(Set<String> nodes, List<Dependency> edges) {
        this.nodes = Collections.unmodifiableSet(new TreeSet<>(nodes));
        List<Dependency> sorted = new ArrayList<>(edges);
        Collections.sort(sorted);
        this.edges = List.copyOf(sorted);
        for (String n : this.nodes) {
            dependenciesOf.put(n, new ArrayList<>());
            dependentsOf.put(n, new ArrayList<>());
        }
        for (Dependency d : this.edges) {
            if (!this.nodes.contains(d.component()) || !this.nodes.contains(d.dependsOn())) {
                throw new IllegalArgumentException(
                        "edge " + d.component() + " -> " + d.dependsOn() + " leaves the graph");
            }
            dependenciesOf.get(d.component()).add(d);
            dependentsOf.get(d.dependsOn()).add(d);
        }
    }

    public Set<String> nodes() {
        return nodes;
    }

    public List<Dependency> edges() {
        return edges;
    }

    /** What {@code node} waits for. */
    public List<Dependency> dependenciesOf(String node) {
        return dependenciesOf.getOrDefault(node, List.of());
    }

    /** What waits for {@code node}. */
    public List<Dependency> dependentsOf(String node) {
        return dependentsOf.getOrDefault(node, List.of());
    }
}
