package dev.kfboot.cli;

import dev.kfboot.model.SafeText;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, columns padded to their widest cell, two spaces apart, nothing trailing. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        rows.add(header);
    }

    public TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        // cells hold names and messages from the tree or the API server: escaped, one line each
        for (int i = 0; i < cells.length; i++)
            r[i] = cells[i] == null ? "" : SafeText.forTerminal(String.valueOf(cells[i]));
        rows.add(r);
        return this;
    }

    int size() {
        return rows.size() - 1;
    }

    public String render() {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(r[i]);
                if (i < cols - 1) line.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** Shortens long cells (messages) for the table; JSON keeps them whole. */
    public static String clip(String s, int max) {
        if (s == null) return "";
        String one = SafeText.forTerminal(s.replace('\n', ' '));
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
