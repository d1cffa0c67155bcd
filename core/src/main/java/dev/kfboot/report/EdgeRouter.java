package dev.kfboot.report;

import dev.kfboot.graph.Dependency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes every edge around the boxes, as a polyline: out of its source's right side, along a lane of the free
 * channel right of the source's column, through a gap between two rows across any columns in between, along a
 * lane of the channel left of the target's column, into the target's left side. Channels and gaps hold no box, so
 * no route crosses one; within a channel or a gap each route gets a lane of its own, and within one box side a
 * port of its own, so no two routes share a stretch of line.
 *
 * <p>It works in two steps because the gaps' height depends on the routes: the constructor picks each edge's
 * gap and lane there from rows and columns alone ({@link #rowGap()} is what they need), {@link #routes} then
 * places them on the grid built with that gap. An edge into the same or an earlier column (a tree whose waves
 * disagree with its dependencies) goes the same way, the gap then leading back left.
 */
final class EdgeRouter {

    /** Least distance between two lanes in a gap (and between a lane and a box); the gaps grow to keep it. */
    static final double MIN_LANE = 4;
    /** A channel's lanes keep this far from the source column and, room for the arrowhead, from the target's. */
    private static final double EXIT_MARGIN = 6;

    private static final double ENTRY_MARGIN = 14;

    /** Where a box sits: its column (the wave's index in the plan) and its row. */
    record Cell(int column, int row) {}

    record Point(double x, double y) {}

    /** One straight piece of a route. */
    record Segment(Point a, Point b) {}

    /** The drawn line of the dependency {@code to} waits for {@code from}: from its box to theirs. */
    record Route(String from, String to, List<Point> points) {
        Route {
            points = List.copyOf(points);
        }

        List<Segment> segments() {
            List<Segment> out = new ArrayList<>();
            for (int i = 1; i < points.size(); i++) out.add(new Segment(points.get(i - 1), points.get(i)));
            return out;
        }

        /** The SVG path data: a move and straight lines. */
        String path() {
            StringBuilder d = new StringBuilder();
            for (Point p : points) {
                d.append(d.isEmpty() ? "M" : " L")
                        .append(number(p.x()))
                        .append(',')
                        .append(number(p.y()));
            }
            return d.toString();
        }
    }

    /**
     * An edge on the grid. Channel {@code k} is the free strip right of column {@code k} (-1: left of the first
     * column): it leaves through channel {@code exit} and arrives through {@code entry}; when they differ it
     * crosses the columns between them through {@code gap} (gap {@code g} lies above row {@code g}) on
     * {@code lane} of {@code gapLanes}.
     */
    private static final class Edge {
        final String from;
        final String to;
        final Cell source;
        final Cell target;
        final int exit;
        final int entry;
        int gap = -1;
        int lane;
        double track;
        double exitPort;
        double entryPort;
        double exitLane;
        double entryLane;

        Edge(String from, String to, Cell source, Cell target) {
            this.from = from;
            this.to = to;
            this.source = source;
            this.target = target;
            this.exit = source.column();
            this.entry = target.column() - 1;
        }

        boolean direct() {
            return exit == entry;
        }

        int low() {
            return Math.min(exit, entry);
        }

        int high() {
            return Math.max(exit, entry);
        }
    }

    private final List<Edge> edges = new ArrayList<>();
    private final Map<Integer, Integer> gapLanes = new TreeMap<>();

    EdgeRouter(Map<String, Cell> cells, int columns, int rows, List<Dependency> dependencies) {
        int[][] load = new int[rows + 1][Math.max(1, columns)];
        for (Dependency d : dependencies) {
            Edge e = new Edge(d.dependsOn(), d.component(), cells.get(d.dependsOn()), cells.get(d.component()));
            edges.add(e);
            if (!e.direct()) {
                e.gap = gap(e, load);
                for (int c = e.low() + 1; c <= e.high(); c++) load[e.gap][c]++;
            }
        }
        Map<Integer, List<Edge>> byGap = new TreeMap<>();
        for (Edge e : edges)
            if (!e.direct())
                byGap.computeIfAbsent(e.gap, g -> new ArrayList<>()).add(e);
        byGap.forEach((g, list) -> {
            // interval colouring over the channels an edge spans, ends included: first free lane in order of start
            list.sort(Comparator.comparingInt(Edge::low)
                    .thenComparingInt(Edge::high)
                    .thenComparing(e -> e.from)
                    .thenComparing(e -> e.to));
            List<Integer> lastHigh = new ArrayList<>();
            for (Edge e : list) {
                int lane = 0;
                while (lane < lastHigh.size() && lastHigh.get(lane) >= e.low()) lane++;
                if (lane == lastHigh.size()) lastHigh.add(e.high());
                else lastHigh.set(lane, e.high());
                e.lane = lane;
            }
            gapLanes.put(g, lastHigh.size());
        });
    }

    /**
     * The gap closest to both ends (in rows), a crowded one costing half a row per edge already through it, so
     * long edges spread over the gaps; ties go to the upper gap.
     */
    private static int gap(Edge e, int[][] load) {
        double from = e.source.row() + 0.5;
        double to = e.target.row() + 0.5;
        int best = 0;
        double bestCost = Double.MAX_VALUE;
        for (int g = 0; g < load.length; g++) {
            int crowd = 0;
            for (int c = e.low() + 1; c <= e.high(); c++) crowd = Math.max(crowd, load[g][c]);
            double cost = Math.abs(g - from) + Math.abs(g - to) + 0.5 * crowd;
            if (cost < bestCost) {
                bestCost = cost;
                best = g;
            }
        }
        return best;
    }

    /** The height between rows that gives every gap's lanes {@link #MIN_LANE} apart. */
    int rowGap() {
        int lanes = gapLanes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return Math.max(GraphLayout.ROW_GAP, (int) Math.ceil((lanes + 1) * MIN_LANE));
    }

    /** Every edge's route on {@code grid} (built with {@link #rowGap()}), in the order of the dependencies. */
    Map<List<String>, Route> routes(GraphLayout.Grid grid) {
        for (Edge e : edges) {
            if (!e.direct()) {
                int lanes = gapLanes.get(e.gap);
                e.track = grid.gapTop(e.gap) + grid.rowGap() * (e.lane + 1.0) / (lanes + 1);
            }
        }
        ports(grid);
        channelLanes(grid);
        Map<List<String>, Route> out = new LinkedHashMap<>();
        for (Edge e : edges) {
            List<Point> points = new ArrayList<>();
            double start = grid.boxX(e.source.column()) + GraphLayout.BOX_WIDTH;
            double end = grid.boxX(e.target.column());
            points.add(new Point(start, e.exitPort));
            if (e.direct()) {
                if (e.exitPort != e.entryPort) {
                    points.add(new Point(e.exitLane, e.exitPort));
                    points.add(new Point(e.exitLane, e.entryPort));
                }
            } else {
                points.add(new Point(e.exitLane, e.exitPort));
                points.add(new Point(e.exitLane, e.track));
                points.add(new Point(e.entryLane, e.track));
                points.add(new Point(e.entryLane, e.entryPort));
            }
            points.add(new Point(end, e.entryPort));
            out.put(List.of(e.from, e.to), new Route(e.from, e.to, points));
        }
        return out;
    }

    /**
     * Spreads the ports over each box side. The right side of row {@code r} in column {@code k} and the left side
     * of row {@code r} in column {@code k + 1} face each other across channel {@code k}: their ports share one
     * spread, so no two stubs lie on one line; a straight edge between the two takes a single port. Ports are
     * ordered by where their edge heads, so edges leave without crossing at the box.
     */
    private void ports(GraphLayout.Grid grid) {
        record Port(Edge edge, boolean exit, double heading) {}
        Map<List<Integer>, List<Port>> sides = new TreeMap<>(
                Comparator.comparing((List<Integer> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Edge e : edges) {
            boolean straight = e.direct() && e.source.row() == e.target.row();
            double towardsTarget = e.direct() ? e.target.row() + 0.5 : e.gap;
            double towardsSource = e.direct() ? e.source.row() + 0.5 : e.gap;
            sides.computeIfAbsent(List.of(e.exit, e.source.row()), k -> new ArrayList<>())
                    .add(new Port(e, true, towardsTarget));
            if (!straight) {
                sides.computeIfAbsent(List.of(e.entry, e.target.row()), k -> new ArrayList<>())
                        .add(new Port(e, false, towardsSource));
            }
        }
        sides.forEach((side, ports) -> {
            ports.sort(Comparator.comparingDouble(Port::heading)
                    .thenComparing(p -> p.exit() ? 0 : 1)
                    .thenComparing(p -> p.edge().from)
                    .thenComparing(p -> p.edge().to));
            double top = grid.boxY(side.get(1));
            for (int i = 0; i < ports.size(); i++) {
                Port p = ports.get(i);
                double y = top + GraphLayout.BOX_HEIGHT * (i + 1.0) / (ports.size() + 1);
                if (p.exit()) p.edge().exitPort = y;
                else p.edge().entryPort = y;
                if (p.exit()
                        && p.edge().direct()
                        && p.edge().source.row() == p.edge().target.row()) p.edge().entryPort = y;
            }
        });
    }

    /**
     * The lanes of the vertical pieces in each channel (a direct edge has one, an edge through a gap one where it
     * leaves and one where it arrives). Every piece joins the route on its left at one end and on its right at the
     * other; pieces whose left end is the upper one go down, the others up, each kind on lanes of its own. Within a
     * kind, a greedy interval colouring (ends included) fills lanes from the right in the order the pieces start on
     * their left: a staircase, so pieces that leave one box, or arrive at one, do not cross each other.
     */
    private void channelLanes(GraphLayout.Grid grid) {
        Map<Integer, List<Piece>> byChannel = new TreeMap<>();
        for (Edge e : edges) {
            if (e.direct()) {
                if (e.exitPort != e.entryPort) piece(byChannel, e.exit, new Piece(e, true, e.exitPort, e.entryPort));
            } else {
                piece(byChannel, e.exit, new Piece(e, true, e.exitPort, e.track));
                piece(byChannel, e.entry, new Piece(e, false, e.track, e.entryPort));
            }
        }
        byChannel.forEach((channel, pieces) -> {
            Comparator<Piece> byName = Comparator.comparing((Piece p) -> p.edge().from)
                    .thenComparing(p -> p.edge().to)
                    .thenComparing(p -> p.exit() ? 0 : 1);
            List<Piece> down = new ArrayList<>();
            List<Piece> up = new ArrayList<>();
            for (Piece p : pieces) (p.down() ? down : up).add(p);
            down.sort(Comparator.comparingDouble(Piece::low)
                    .thenComparingDouble(Piece::high)
                    .thenComparing(byName));
            up.sort(Comparator.comparingDouble(Piece::high)
                    .reversed()
                    .thenComparing(Comparator.comparingDouble(Piece::low).reversed())
                    .thenComparing(byName));
            Map<Piece, Integer> downLanes = colour(down, false);
            Map<Piece, Integer> upLanes = colour(up, true);
            int ups = upLanes.values().stream().mapToInt(l -> l + 1).max().orElse(0);
            int all =
                    ups + downLanes.values().stream().mapToInt(l -> l + 1).max().orElse(0);
            double left = grid.channelLeft(channel) + EXIT_MARGIN;
            double room = grid.channelRight(channel) - ENTRY_MARGIN - left;
            // slots 1..all from left to right: the up lanes first, each kind's lane 0 on its right
            downLanes.forEach((p, lane) -> place(p, left + room * (all - lane) / (all + 1.0)));
            upLanes.forEach((p, lane) -> place(p, left + room * (ups - lane) / (all + 1.0)));
        });
    }

    /** A vertical piece of a route in a channel, from the end where it joins on its left to the other. */
    private record Piece(Edge edge, boolean exit, double leftEnd, double rightEnd) {
        double low() {
            return Math.min(leftEnd, rightEnd);
        }

        double high() {
            return Math.max(leftEnd, rightEnd);
        }

        boolean down() {
            return leftEnd < rightEnd;
        }
    }

    private static void piece(Map<Integer, List<Piece>> byChannel, int channel, Piece p) {
        byChannel.computeIfAbsent(channel, k -> new ArrayList<>()).add(p);
    }

    /**
     * First-fit lanes for pieces sorted by where they start (downwards, or upwards when {@code upwards}): a lane is
     * free when its last piece ended before this one starts.
     */
    private static Map<Piece, Integer> colour(List<Piece> pieces, boolean upwards) {
        Map<Piece, Integer> out = new LinkedHashMap<>();
        List<Double> lastEnd = new ArrayList<>();
        for (Piece p : pieces) {
            double start = upwards ? p.high() : p.low();
            double end = upwards ? p.low() : p.high();
            int lane = 0;
            while (lane < lastEnd.size() && (upwards ? lastEnd.get(lane) <= start : lastEnd.get(lane) >= start)) lane++;
            if (lane == lastEnd.size()) lastEnd.add(end);
            else lastEnd.set(lane, end);
            out.put(p, lane);
        }
        return out;
    }

    private static void place(Piece p, double x) {
        if (p.exit()) p.edge().exitLane = x;
        else p.edge().entryLane = x;
    }

    /** A coordinate as SVG path data: at most two decimals, no trailing zeros. */
    static String number(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) return String.valueOf(hundredths / 100);
        String s = String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
