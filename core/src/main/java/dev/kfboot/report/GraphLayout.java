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
 * broken by name. Pure arithmetic on sorted inputs, so the same plan always gives the same picture.
 */
final class GraphLayout {

    static final int BOX_WIDTH = 190;
    static final int BOX_HEIGHT = 34;
    static final int COLUMN_GAP = 80;
    static final int ROW_GAP = 14;
    static final int MARGIN = 40;
    static final int HEADER = 30;
    /** Upper bounds of a character's width in a box's name (12.5px) and count (11px), for fitting names. */
    static final double NAME_CHAR = 7.4;

    static final double COUNT_CHAR = 6.6;

    /** A component's box. */
    record Box(String id, int wave, int row, int x, int y) {
        int right() {
            return x + BOX_WIDTH;
        }

        int middle() {
            return y + BOX_HEIGHT / 2;
        }
    }

    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final int width;
    private final int height;

    private GraphLayout(Map<String, Box> boxes, int columns, int rows) {
        this.boxes.putAll(boxes);
        this.width = 2 * MARGIN + columns * BOX_WIDTH + Math.max(0, columns - 1) * COLUMN_GAP;
        this.height = 2 * MARGIN + HEADER + rows * (BOX_HEIGHT + ROW_GAP);
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
        Map<String, Box> boxes = new LinkedHashMap<>();
        int rows = 0;
        for (int w = 0; w < columns.size(); w++) {
            List<String> col = columns.get(w);
            rows = Math.max(rows, col.size());
            for (int i = 0; i < col.size(); i++) {
                int x = MARGIN + w * (BOX_WIDTH + COLUMN_GAP);
                int y = MARGIN + HEADER + i * (BOX_HEIGHT + ROW_GAP);
                boxes.put(col.get(i), new Box(col.get(i), waves.get(w).number(), i, x, y));
            }
        }
        return new GraphLayout(boxes, columns.size(), rows);
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

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int columnX(int index) {
        return MARGIN + index * (BOX_WIDTH + COLUMN_GAP);
    }

    /** A cubic curve from the right of the dependency's box to the left of the dependent's box. */
    String edgePath(String from, String to) {
        Box a = boxes.get(from);
        Box b = boxes.get(to);
        int x1 = a.right();
        int y1 = a.middle();
        int x2 = b.x();
        int y2 = b.middle();
        int bend = Math.max(40, (x2 - x1) / 2);
        return "M" + x1 + "," + y1 + " C" + (x1 + bend) + "," + y1 + " " + (x2 - bend) + "," + y2 + " " + x2 + "," + y2;
    }
}
