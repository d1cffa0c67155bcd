package dev.kfboot.plan;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Longest-path layering: each node goes one wave after the latest thing it depends on, sources in wave 0.
 * That is the fewest waves any ordering respecting every edge can have (the longest dependency chain needs
 * one wave per link), and it is deterministic. Pinned nodes take their pin when it respects their
 * dependencies; a pin earlier than a dependency allows is an error.
 */
public final class WaveCompiler {

    private WaveCompiler() {}

    /** @return node to wave, in node order */
    public static Map<String, Integer> compile(DependencyGraph graph, Map<String, Pin> pins) {
        List<String> order = topologicalOrder(graph);
        Map<String, Integer> waves = new TreeMap<>();
        for (String node : order) {
            int earliest = 0;
            Dependency latest = null;
            for (Dependency d : graph.dependenciesOf(node)) {
                int after = waves.get(d.dependsOn()) + 1;
                if (after > earliest) {
                    earliest = after;
                    latest = d;
                }
            }
            Pin pin = pins.get(node);
            if (pin != null && pin.wave() < earliest) {
                throw new InputException(
                        pin.location(),
                        "wave " + pin.wave() + " pinned for " + node
                                + " contradicts its dependency on " + latest.dependsOn() + " (wave "
                                + waves.get(latest.dependsOn())
                                + "): " + latest.reasons().get(0),
                        "pin " + node + " to wave " + earliest + " or later, or remove the pin");
            }
            waves.put(node, pin != null ? pin.wave() : earliest);
        }
        return waves;
    }

    /** Kahn's algorithm, smallest name first; a cycle is an error that prints the whole cycle. */
    static List<String> topologicalOrder(DependencyGraph graph) {
        Map<String, Integer> pending = new HashMap<>();
        for (String n : graph.nodes()) pending.put(n, graph.dependenciesOf(n).size());
        PriorityQueue<String> ready = new PriorityQueue<>();
        pending.forEach((n, c) -> {
            if (c == 0) ready.add(n);
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            order.add(n);
            for (Dependency d : graph.dependentsOf(n)) {
                if (pending.merge(d.component(), -1, Integer::sum) == 0) ready.add(d.component());
            }
        }
        if (order.size() < graph.nodes().size()) {
            throw cycleError(graph, order);
        }
        return order;
    }

    private static InputException cycleError(DependencyGraph graph, List<String> placed) {
        Set<String> done = new HashSet<>(placed);
        String start = graph.nodes().stream()
                .filter(n -> !done.contains(n))
                .findFirst()
                .orElseThrow();
        // Walk dependencies among unplaced nodes until a node repeats: that stretch is a cycle.
        Deque<Dependency> path = new ArrayDeque<>();
        List<String> seen = new ArrayList<>();
        String cur = start;
        while (!seen.contains(cur)) {
            seen.add(cur);
            Dependency next = graph.dependenciesOf(cur).stream()
                    .filter(d -> !done.contains(d.dependsOn()))
                    .findFirst()
                    .orElseThrow();
            path.add(next);
            cur = next.dependsOn();
        }
        String loopStart = cur;
        StringBuilder sb = new StringBuilder("dependency cycle: ");
        Location where = Location.NONE;
        boolean inLoop = false;
        for (Dependency d : path) {
            if (d.component().equals(loopStart)) inLoop = true;
            if (!inLoop) continue;
            for (var r : d.reasons()) if (!where.known() && r.location().known()) where = r.location();
            sb.append(d.component())
                    .append(" needs ")
                    .append(d.dependsOn())
                    .append(" (")
                    .append(d.reasons().get(0))
                    .append("); ");
        }
        String msg = sb.toString().replaceAll("; $", "");
        return new InputException(
                where,
                msg,
                "remove one of the declared dependencies (spec dependsOn) or the component that closes the cycle");
    }
}
