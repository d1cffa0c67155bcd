package dev.kfboot.plan;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.graph.InternalOrdering;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The compiled plan: each app's wave, the graph that placed it, the inventory it was derived from, and the
 * findings met on the way.
 *
 * @param source   what the objects came from: "facts" (committed) or the upstream directory rendered
 * @param internal orderings inside single apps, which waves between apps cannot express
 */
public record Plan(
        String release,
        String source,
        Map<String, Integer> waves,
        DependencyGraph graph,
        Inventory inventory,
        List<InternalOrdering> internal,
        Map<String, Pin> pins,
        List<Finding> findings) {

    /** One wave and its apps, sorted by name. */
    public record Wave(int number, List<String> components) {}

    public Plan {
        waves = new TreeMap<>(waves);
        internal = List.copyOf(internal);
        findings = findings.stream().sorted().toList();
    }

    public List<Wave> waveList() {
        Map<Integer, TreeSet<String>> by = new TreeMap<>();
        waves.forEach((c, w) -> by.computeIfAbsent(w, k -> new TreeSet<>()).add(c));
        List<Wave> out = new ArrayList<>();
        by.forEach((w, cs) -> out.add(new Wave(w, List.copyOf(cs))));
        return out;
    }

    public int waveOf(String component) {
        Integer w = waves.get(component);
        if (w == null) throw new IllegalArgumentException("not in the plan: " + component);
        return w;
    }

    /** The dependencies that decide the app's wave: those in the wave right before it. */
    public List<Dependency> placedBy(String component) {
        int w = waveOf(component);
        return graph.dependenciesOf(component).stream()
                .filter(d -> waveOf(d.dependsOn()) == w - 1)
                .toList();
    }

    /** Rules of the findings that mean an app did not render at all. */
    public static final Set<String> RENDER_FAILURES = Set.of("render-failed", "path-not-found", "remote-base");

    /** The apps that did not render, each with its first failure: they have no wave. */
    public static Map<String, Finding> failedRenders(List<Finding> findings) {
        Map<String, Finding> out = new TreeMap<>();
        for (Finding f : findings) {
            if (f.app() != null && RENDER_FAILURES.contains(f.rule()) && f.severity() == Severity.ERROR) {
                out.putIfAbsent(f.app(), f);
            }
        }
        return out;
    }

    /** This plan's apps that did not render (never placed in a wave), with why. */
    public Map<String, Finding> failedRenders() {
        return failedRenders(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
