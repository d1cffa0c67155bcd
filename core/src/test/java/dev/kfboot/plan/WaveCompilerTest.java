package dev.kfboot.plan;

import static dev.kfboot.plan.Graphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.graph.DeclaredEdge;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.DependencyAnalysis;
import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.graph.Reason;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WaveCompilerTest {

    @Test
    void chainGivesOneWavePerLink() {
        Map<String, Integer> waves = WaveCompiler.compile(graph("b -> a", "c -> b"), Map.of());

        assertThat(waves).containsExactly(Map.entry("a", 0), Map.entry("b", 1), Map.entry("c", 2));
    }

    @Test
    void diamondPutsBothMiddlesTogether() {
        Map<String, Integer> waves = WaveCompiler.compile(
                graph("left -> top", "right -> top", "bottom -> left", "bottom -> right"), Map.of());

        assertThat(waves).isEqualTo(Map.of("top", 0, "left", 1, "right", 1, "bottom", 2));
    }

    @Test
    void nodesWithoutEdgesAreInWaveZero() {
        Map<String, Integer> waves = WaveCompiler.compile(graph(List.of("x", "y"), "b -> a"), Map.of());

        assertThat(waves).containsEntry("x", 0).containsEntry("y", 0).containsEntry("b", 1);
    }

    @Test
    void eachNodeGoesRightAfterItsLatestDependency() {
        // d needs a directly and through the chain a <- b <- c, so it lands after c, not after a.
        Map<String, Integer> waves =
                WaveCompiler.compile(graph("b -> a", "c -> b", "d -> c", "d -> a", "e -> a"), Map.of());

        assertThat(waves).isEqualTo(Map.of("a", 0, "b", 1, "c", 2, "d", 3, "e", 1));
        assertThat(new TreeSet<>(waves.values()).size())
                .as("waves = longest path + 1")
                .isEqualTo(4);
    }

    @Test
    void waveCountIsTheLongestPathPlusOneOnRandomGraphs() {
        Random random = new Random(20260301);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(12);
            List<String> edges = new ArrayList<>();
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) nodes.add("n" + i);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) if (random.nextInt(4) == 0) edges.add("n" + i + " -> n" + j);
            }
            DependencyGraph g = graph(nodes, edges.toArray(String[]::new));

            Map<String, Integer> waves = WaveCompiler.compile(g, Map.of());

            for (Dependency d : g.edges()) {
                assertThat(waves.get(d.component())).isGreaterThan(waves.get(d.dependsOn()));
            }
            int longest = 0;
            for (String node : nodes) longest = Math.max(longest, longestPathFrom(g, node, new HashMap<>()));
            assertThat(Collections.max(waves.values()))
                    .as("round %d: %s", round, edges)
                    .isEqualTo(longest);
        }
    }

    private static int longestPathFrom(DependencyGraph g, String node, Map<String, Integer> memo) {
        Integer known = memo.get(node);
        if (known != null) return known;
        int best = 0;
        for (Dependency d : g.dependenciesOf(node)) best = Math.max(best, 1 + longestPathFrom(g, d.dependsOn(), memo));
        memo.put(node, best);
        return best;
    }

    @Test
    void resultDoesNotDependOnEdgeInsertionOrder() {
        List<String> edges = new ArrayList<>(
                List.of("b -> a", "c -> a", "d -> b", "d -> c", "e -> d", "f -> a", "g -> f", "g -> c"));
        Map<String, Integer> first = WaveCompiler.compile(graph(edges.toArray(String[]::new)), Map.of());
        Random random = new Random(7);

        for (int i = 0; i < 10; i++) {
            Collections.shuffle(edges, random);
            assertThat(WaveCompiler.compile(graph(edges.toArray(String[]::new)), Map.of()))
                    .isEqualTo(first);
        }
    }

    @Test
    void pinLaterThanEarliestIsHonouredAndPushesDependents() {
        Pin pin = new Pin(3, new Location("platform.yaml", 9));

        Map<String, Integer> waves = WaveCompiler.compile(graph("b -> a", "c -> b", "d -> a"), Map.of("b", pin));

        assertThat(waves).isEqualTo(Map.of("a", 0, "b", 3, "c", 4, "d", 1));
    }

    @Test
    void pinEqualToEarliestIsAccepted() {
        Map<String, Integer> waves = WaveCompiler.compile(graph("b -> a"), Map.of("b", new Pin(1, Location.NONE)));

        assertThat(waves).containsEntry("b", 1);
    }

    @Test
    void pinEarlierThanADependencyIsAnErrorNamingBothAndTheReason() {
        Location where = new Location("platform.yaml", 14);

        InputException e = catchThrowableOfType(
                InputException.class,
                () -> WaveCompiler.compile(
                        graph("kserve -> cert-manager", "cert-manager -> istio-crds"),
                        Map.of("kserve", new Pin(1, where))));

        assertThat(e.getMessage())
                .isEqualTo("wave 1 pinned for kserve contradicts its dependency on cert-manager (wave 1):"
                        + " crd: kserve creates a kind of cert-manager");
        assertThat(e.location()).isEqualTo(where);
        assertThat(e.hint()).isEqualTo("pin kserve to wave 2 or later, or remove the pin");
    }

    @Test
    void cycleNamesEveryComponentAndEachEdgesFirstReason() {
        // "a-entry" sorts first and only leads into the cycle x -> y -> w -> x: it must not be reported.
        InputException e = catchThrowableOfType(
                InputException.class,
                () -> WaveCompiler.compile(
                        graph("a-entry -> x", "x -> y", "y -> w", "w -> x", "z -> a-entry"), Map.of()));

        assertThat(e.getMessage())
                .isEqualTo("dependency cycle: x needs y (crd: x creates a kind of y);"
                        + " y needs w (crd: y creates a kind of w); w needs x (crd: w creates a kind of x)");
        assertThat(e.location()).isEqualTo(Location.NONE);
        assertThat(e.hint()).contains("dependsOn");
    }

    @Test
    void cycleThroughASpecDependencyPointsAtTheSpec() {
        // Built through the analysis so the SPEC reason carries its location exactly as in a real run.
        Location spec = new Location("platform.yaml", 21);
        DependencyGraph g = DependencyAnalysis.analyze(
                        new TreeSet<>(List.of("cert-manager", "istio-install")),
                        Inventory.of(List.of(), Map.of()),
                        List.of(
                                new DeclaredEdge(
                                        "istio-install",
                                        "cert-manager",
                                        Reason.Kind.DECLARED,
                                        "istio needs certificates",
                                        Location.NONE),
                                new DeclaredEdge(
                                        "cert-manager",
                                        "istio-install",
                                        Reason.Kind.SPEC,
                                        "declared in platform.yaml:21",
                                        spec)))
                .graph();

        InputException e = catchThrowableOfType(InputException.class, () -> WaveCompiler.compile(g, Map.of()));

        assertThat(e.getMessage())
                .contains("istio-install needs cert-manager (declared: istio needs certificates)")
                .contains("cert-manager needs istio-install (spec: declared in platform.yaml:21)");
        assertThat(e.location()).isEqualTo(spec);
        assertThat(e.oneLine()).startsWith("platform.yaml:21: dependency cycle: ");
    }

    @Test
    void twoNodeCycleIsFound() {
        InputException e = catchThrowableOfType(
                InputException.class, () -> WaveCompiler.compile(graph("a -> b", "b -> a"), Map.of()));

        assertThat(e.getMessage())
                .isEqualTo("dependency cycle: a needs b (crd: a creates a kind of b); b needs a "
                        + "(crd: b creates a kind of a)");
    }
}
