package dev.kfboot.report;

import dev.kfboot.graph.Dependency;
import dev.kfboot.plan.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places components in one column per wave and orders each column to keep edges short: a few sweeps of the
 * barycenter heuristic (each node sorted by the mean row of its neighbours in the previous column), ties
 * broken by name. Then {@link EdgeRouter} routes every edge around the boxes, through the channels between
 * columns and the gaps between rows. Pure arithmetic on sorted inputs, so the same plan always gives the same
 * picture.
 */
final class GraphLayout {

    static final int BOX_WIDTH = 190;
    static final int BOX_HEIGHT = 34;
    static final int COLUMN_GAP = 80;
    /** The least height between two rows: routes cross columns there, and the gaps grow when many do. */
    static final int ROW_GAP = 22;

    static final int MARGIN = 40;
    static final int HEADER = 30;
    /** Where the wave labels end: a gap above the first row never reaches them. */
    static final int LABELS = 44;
    /** Upper bounds of a character's width in a box's name (12.5px) and count (11px), for fitting names. */
    static final double NAME_CHAR = 7.4;

    static final double COUNT_CHAR = 6.6;

    /** A component's box. */
    record Box(String id, int wave, int row, int x, int y) {
        int right() {
            return x + BOX_WIDTH;
        }

        int bottom() {
            return y + BOX_HEIGHT;
        }
    }

    /**
     * The picture's coordinates: {@code columns} columns of up to {@code rows} boxes, {@code rowGap} apart. Channel
     * {@code k} is the free strip right of column {@code k} (-1: left of the first one); gap {@code g} the free strip
     * above row {@code g} ({@code rows}: below the last one).
     */
    record Grid(int columns, int rows, int rowGap) {
        int top() {
            return Math.max(MARGIN + HEADER, LABELS + rowGap);
        }

        int boxX(int column) {
            return MARGIN + column * (BOX_WIDTH + COLUMN_GAP);
        }

        int boxY(int row) {
            return top() + row * (BOX_HEIGHT + rowGap);
        }

        int gapTop(int gap) {
            return boxY(gap) - rowGap;
        }

        int channelLeft(int channel) {
            return channel < 0 ? 0 : boxX(channel) + BOX_WIDTH;
        }

        int channelRight(int channel) {
            return channel >= columns - 1 ? width() : boxX(channel + 1);
        }

        int width() {
            return 2 * MARGIN + columns * BOX_WIDTH + Math.max(0, columns - 1) * COLUMN_GAP;
        }

        int height() {
            return boxY(rows) + MARGIN / 2;
        }
    }

    private final Map<String, Box> boxes;
    private final Grid grid;
    private final Map<List<String>, EdgeRouter.Route> routes;

    private GraphLayout(Map<String, Box> boxes, Grid grid, Map<List<String>, EdgeRouter.Route> routes) {
        this.boxes = boxes;
        this.grid = grid;
        this.routes = routes;
    }

    static GraphLayout of(Plan plan) {
        List<Plan.Wave> waves = plan.waveList();
        List<List<String>> columns = new ArrayList<>();
        for (Plan.Wave w : waves) columns.add(new ArrayList<>(w.components()));
        Map<String, Double> row = new HashMap<>();
        for (List<String> col : columns) for (int i = 0; i < col.size(); i++) row.put(col.get(i), (double) i);
        for (int sweep = 0; sweep < 4; sweep++) {
            for (List<String> col : columns) {
                Map<String, Double> key = new HashMap<>();
                for (String c : col) key.put(c, barycenter(plan, c, row));
                col.sort(Comparator.comparingDouble((String c) -> key.get(c)).thenComparing(c -> c));
                for (int i = 0; i < col.size(); i++) row.put(col.get(i), (double) i);
            }
        }
        Map<String, EdgeRouter.Cell> cells = new LinkedHashMap<>();
        int rows = 0;
        for (int w = 0; w < columns.size(); w++) {
            List<String> col = columns.get(w);
            rows = Math.max(rows, col.size());
            for (int i = 0; i < col.size(); i++) cells.put(col.get(i), new EdgeRouter.Cell(w, i));
        }
        EdgeRouter router =
                new EdgeRouter(cells, columns.size(), rows, plan.graph().edges());
        Grid grid = new Grid(columns.size(), rows, router.rowGap());
        Map<String, Box> boxes = new LinkedHashMap<>();
        cells.forEach((id, cell) -> boxes.put(
                id,
                new Box(
                        id,
                        waves.get(cell.column()).number(),
                        cell.row(),
                        grid.boxX(cell.column()),
                        grid.boxY(cell.row()))));
        return new GraphLayout(boxes, grid, router.routes(grid));
    }

    /** Mean row of the component's dependencies (or, without any, its own row). */
    private static double barycenter(Plan plan, String c, Map<String, Double> row) {
        List<Dependency> deps = plan.graph().dependenciesOf(c);
        if (deps.isEmpty()) return row.get(c);
        double sum = 0;
        for (Dependency d : deps) sum += row.get(d.dependsOn());
        return sum / deps.size();
    }

    Box box(String id) {
        return boxes.get(id);
    }

    List<Box> boxes() {
        return List.copyOf(boxes.values());
    }

    /** The route of the dependency {@code to} waits for {@code from}. */
    EdgeRouter.Route route(String from, String to) {
        EdgeRouter.Route r = routes.get(List.of(from, to));
        if (r == null) throw new IllegalArgumentException("no edge " + from + " -> " + to);
        return r;
    }

    List<EdgeRouter.Route> routes() {
        return List.copyOf(routes.values());
    }

    int width() {
        return grid.width();
    }

    int height() {
        return grid.height();
    }

    int columnX(int index) {
        return grid.boxX(index);
    }

    int rowGap() {
        return grid.rowGap();
    }
}
