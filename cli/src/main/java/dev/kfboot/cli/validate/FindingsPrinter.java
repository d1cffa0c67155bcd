package dev.kfboot.cli.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import java.io.PrintWriter;
import java.util.List;

/** Prints findings compiler-style, sorted, and a summary line. */
public final class FindingsPrinter {

    private FindingsPrinter() {}

    public static void print(List<Finding> findings, PrintWriter w) {
        for (Finding f : findings.stream().sorted().toList()) w.println(f.toText());
        w.flush();
    }

    public static String summary(List<Finding> findings) {
        long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long wn =
                findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long i = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
        return e + " error" + (e == 1 ? "" : "s") + ", " + wn + " warning" + (wn == 1 ? "" : "s") + ", " + i + " info";
    }
}
