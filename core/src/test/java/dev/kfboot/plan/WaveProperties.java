package dev.kfboot.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.graph.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the wave compiler on random DAGs: every edge goes to a strictly later wave, the number of
 * waves equals the longest chain (so no valid ordering has fewer), and edge order does not change the result.
 */
class WaveProperties {

    /** A random DAG: nodes n0..n(k-1); edges only from a higher to a lower index, so no cycle. */
    record Dag(List<String> nodes, List<int[]> edges) {
        DependencyGraph graph(boolean shuffled) {
            List<Dependency> deps = new ArrayList<>();
            for (int[] e : edges) {
                deps.add(new Dependency(nodes.get(e[0]), nodes.get(e[1]), List.of(new Reason(Reason.Kind.CRD, "r"))));
            }
            if (shuffled) Collections.reverse(deps);
            return new DependencyGraph(new LinkedHashSet<>(nodes), deps);
        }
    }

    @Provide
    Arbitrary<Dag> dags() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> {
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) nodes.add("n" + i);
            Arbitrary<int[]> edge = Combinators.combine(
                            Arbitraries.integers().between(0, n - 1),
                            Arbitraries.integers().between(0, n - 1))
                    .as((a, b) -> new int[] {Math.max(a, b), Math.min(a, b)})
                    .filter(e -> e[0] != e[1]);
            return (n < 2 ? Arbitraries.just(List.<int[]>of()) : edge.list().ofMaxSize(3 * n))
                    .map(es -> new Dag(nodes, es));
        });
    }

    @Property(tries = 300)
    void everyEdgeGoesToALaterWave(@ForAll("dags") Dag dag) {
        Map<String, Integer> waves = WaveCompiler.compile(dag.graph(false), Map.of());
        for (int[] e : dag.edges()) {
            assertThat(waves.get(dag.nodes().get(e[0])))
                    .isGreaterThan(waves.get(dag.nodes().get(e[1])));
        }
    }

    @Property(tries = 300)
    void waveCountIsTheLongestChain(@ForAll("dags") Dag dag) {
        Map<String, Integer> waves = WaveCompiler.compile(dag.graph(false), Map.of());
        int used = (int) waves.values().stream().distinct().count();
        assertThat(used).isEqualTo(longestChain(dag));
        assertThat(waves.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1)
                .isEqualTo(used);
    }

    @Property(tries = 200)
    void edgeOrderDoesNotMatter(@ForAll("dags") Dag dag) {
        assertThat(WaveCompiler.compile(dag.graph(true), Map.of()))
                .isEqualTo(WaveCompiler.compile(dag.graph(false), Map.of()));
    }

    /** Nodes on the longest dependency chain, computed independently by memoized recursion. */
    private static int longestChain(Dag dag) {
        Map<Integer, List<Integer>> deps = new HashMap<>();
        for (int[] e : dag.edges())
            deps.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]);
        Map<Integer, Integer> memo = new HashMap<>();
        int best = 0;
        for (int i = 0; i < dag.nodes().size(); i++) best = Math.max(best, depth(i, deps, memo, new HashSet<>()));
        return best;
    }

    private static int depth(int n, Map<Integer, List<Integer>> deps, Map<Integer, Integer> memo, Set<Integer> path) {
        Integer m = memo.get(n);
        if (m != null) return m;
        int d = 1;
        for (int x : deps.getOrDefault(n, List.of())) d = Math.max(d, 1 + depth(x, deps, memo, path));
        memo.put(n, d);
        return d;
    }
}
