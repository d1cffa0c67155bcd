package dev.kfboot.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints the lines behind a table row, indented, at most a screenful; {@code -o json} has them all. */
public final class ShortList {

    static final int MAX = 20;

    private ShortList() {}

    public static void print(PrintWriter out, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (i == MAX) {
                out.println("  ... and " + (lines.size() - MAX) + " more (-o json lists all)");
                return;
            }
            out.println("  " + lines.get(i));
        }
    }
}
