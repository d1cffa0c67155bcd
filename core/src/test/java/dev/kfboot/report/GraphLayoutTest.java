package dev.kfboot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.DependencyGraph;
import dev.kfboot.graph.Reason;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.plan.Plan;
import dev.kfboot.report.EdgeRouter.Point;
import dev.kfboot.report.EdgeRouter.Route;
import dev.kfboot.report.EdgeRouter.Segment;
import dev.kfboot.report.GraphLayout.Box;
import dev.kfboot.spec.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The routes, checked by geometry on every edge of the plan (not only the transitive reduction the page shows
 * first): each runs from its source's right side to its target's left side in horizontal and vertical pieces,
 * keeps clear of every other box, and shares no stretch of line with another route.
 */
class GraphLayoutTest {

    /** How far a route keeps from a box it does not connect, at the least (a lane in the tightest gap). */
    private static final double CLEARANCE = EdgeRouter.MIN_LANE;

    @Test
    void everyEdgeOfThe2603PlanGoesAroundTheBoxes() {
        Plan plan = Kfboot.quiet().plan(Platform.defaults("26.03"), Sources.facts());
        GraphLayout layout = GraphLayout.of(plan);

        assertThat(plan.graph().edges()).hasSizeGreaterThan(30);
        assertRoutedAroundTheBoxes(plan, layout);
        // kserve waits for cert-manager across two columns whose boxes stand in the way of a straight line
        assertThat(layout.route("cert-manager", "kserve").points()).hasSizeGreaterThan(2);
    }

    @Test
    void aDenseGraphOfLongEdgesGoesAroundTheBoxes() {
        // 8 waves of 8; each box waits for the boxes 1 to 7 waves before it whose row is near its own, or far off
        Map<String, Integer> waves = new LinkedHashMap<>();
        List<String> edges = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            for (int r = 0; r < 8; r++) {
                String me = "c" + w + "-" + r;
                waves.put(me, w);
                for (int back = 1; back <= w; back++) {
                    int other = (r + 3 * back) % 8;
                    if ((r + back) % 3 != 0) edges.add(me + " -> c" + (w - back) + "-" + other);
                }
            }
        }
        Plan plan = plan(waves, edges);
        GraphLayout layout = GraphLayout.of(plan);

        assertThat(plan.graph().edges()).hasSizeGreaterThan(150);
        assertRoutedAroundTheBoxes(plan, layout);
        assertThat(layout.rowGap()).as("the gaps grew to give their lanes room").isGreaterThan(GraphLayout.ROW_GAP);
        assertThat(layout.width()).as("as wide as before: 8 columns").isEqualTo(80 + 8 * 190 + 7 * 80);
    }

    @Test
    void aTreesEdgesIntoTheSameOrAnEarlierWaveGoAroundTheBoxesToo() {
        // a hand-written tree's waves need not follow its dependencies: b waits for c in the same wave, a for e later
        Map<String, Integer> waves = Map.of("a", 0, "x", 0, "b", 1, "c", 1, "y", 1, "d", 2, "e", 2);
        Plan plan = plan(waves, List.of("b -> c", "c -> a", "a -> e", "x -> d", "d -> a", "e -> b", "y -> x"));
        GraphLayout layout = GraphLayout.of(plan);

        assertRoutedAroundTheBoxes(plan, layout);
        Route back = layout.route("e", "a");
        assertThat(back.points().get(0).x())
                .isGreaterThan(back.points().get(back.points().size() - 1).x());
    }

    @Test
    void theRouteIsDrawnAsStraightLinesWithAtMostTwoDecimals() {
        Route r = new Route("a", "b", List.of(new Point(230, 87.5), new Point(251.333, 87.5), new Point(251.333, 120)));

        assertThat(r.path()).isEqualTo("M230,87.5 L251.33,87.5 L251.33,120");
        assertThat(EdgeRouter.number(12.05)).isEqualTo("12.05");
        assertThat(EdgeRouter.number(12.999)).isEqualTo("13");
    }

    private static void assertRoutedAroundTheBoxes(Plan plan, GraphLayout layout) {
        List<Segment> all = new ArrayList<>();
        List<Route> owners = new ArrayList<>();
        for (Dependency d : plan.graph().edges()) {
            Route route = layout.route(d.dependsOn(), d.component());
            Box from = layout.box(d.dependsOn());
            Box to = layout.box(d.component());
            Point first = route.points().get(0);
            Point last = route.points().get(route.points().size() - 1);
            assertThat(first.x())
                    .as("%s leaves from its source's right side", name(route))
                    .isEqualTo(from.right());
            assertThat(first.y()).isStrictlyBetween((double) from.y(), (double) from.bottom());
            assertThat(last.x())
                    .as("%s arrives at its target's left side", name(route))
                    .isEqualTo(to.x());
            assertThat(last.y()).isStrictlyBetween((double) to.y(), (double) to.bottom());
            for (Segment s : route.segments()) {
                assertThat(s.a().x() == s.b().x() || s.a().y() == s.b().y())
                        .as("%s: %s is horizontal or vertical", name(route), s)
                        .isTrue();
                for (Box b : layout.boxes()) {
                    if (b == from || b == to) continue;
                    assertThat(distance(s, b))
                            .as("%s: %s keeps clear of %s", name(route), s, b)
                            .isGreaterThanOrEqualTo(CLEARANCE);
                }
                all.add(s);
                owners.add(route);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (owners.get(i) == owners.get(j)) continue;
                assertThat(sharedLength(all.get(i), all.get(j)))
                        .as("%s and %s share a line", name(owners.get(i)), name(owners.get(j)))
                        .isZero();
            }
        }
    }

    /** The distance between an axis-parallel segment and a box (0 when they touch or cross). */
    private static double distance(Segment s, Box b) {
        double dx = gap(Math.min(s.a().x(), s.b().x()), Math.max(s.a().x(), s.b().x()), b.x(), b.right());
        double dy = gap(Math.min(s.a().y(), s.b().y()), Math.max(s.a().y(), s.b().y()), b.y(), b.bottom());
        return Math.hypot(dx, dy);
    }

    private static double gap(double lo1, double hi1, double lo2, double hi2) {
        return Math.max(0, Math.max(lo2 - hi1, lo1 - hi2));
    }

    /** How long a stretch two segments share, on one line. */
    private static double sharedLength(Segment s, Segment t) {
        boolean sh = s.a().y() == s.b().y();
        boolean th = t.a().y() == t.b().y();
        if (sh && th && s.a().y() == t.a().y()) return overlap(s.a().x(), s.b().x(), t.a().x(), t.b().x());
        if (!sh && !th && s.a().x() == t.a().x()) return overlap(s.a().y(), s.b().y(), t.a().y(), t.b().y());
        return 0;
    }

    private static double overlap(double a1, double a2, double b1, double b2) {
        return Math.max(0, Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2)));
    }

    private static String name(Route r) {
        return r.from() + " -> " + r.to();
    }

    /** A plan of the given waves and edges written {@code "b -> a"} (b waits for a). */
    private static Plan plan(Map<String, Integer> waves, List<String> edges) {
        List<Dependency> deps = new ArrayList<>();
        for (String e : edges) {
            String[] p = e.split(" -> ");
            deps.add(
                    new Dependency(p[0], p[1], List.of(new Reason(Reason.Kind.CRD, p[0] + " uses a kind of " + p[1]))));
        }
        DependencyGraph graph = new DependencyGraph(new TreeSet<>(waves.keySet()), deps);
        return new Plan(
                "test", "a test", waves, graph, Inventory.of(List.of(), Map.of()), List.of(), Map.of(), List.of());
    }
}
