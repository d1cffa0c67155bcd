package dev.kfboot.plan;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.graph.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small dependency graphs written as {@code "b -> a"} (b needs a), for plan tests. */
final class Graphs {

    private Graphs() {}

    static DependencyGraph graph(List<String> nodes, String... edges) {
        Set<String> all = new LinkedHashSet<>(nodes);
        List<Dependency> deps = new ArrayList<>();
        for (String e : edges) {
            String[] p = e.split("->");
            String from = p[0].trim();
            String to = p[1].trim();
            all.add(from);
            all.add(to);
            deps.add(new Dependency(from, to, List.of(new Reason(Reason.Kind.CRD, from + " creates a kind of " + to))));
        }
        return new DependencyGraph(all, deps);
    }

    static DependencyGraph graph(String... edges) {
        return graph(List.of(), edges);
    }
}
