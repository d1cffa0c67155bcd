package dev.kfboot.cli.operate;

import dev.kfboot.cli.ShortList;
import dev.kfboot.cli.TextTable;
import dev.kfboot.cluster.check.CheckReport;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import java.io.PrintWriter;

/**
 * The text of a checklist ({@code preflight}, {@code verify}): one row per check, then under the table the objects
 * behind each row and what to do, then one line that counts the verdicts.
 */
final class ChecklistPrinter {

    private ChecklistPrinter() {}

    static void print(CheckReport report, PrintWriter out) {
        TextTable t = new TextTable("RESULT", "CHECK", "DETAIL");
        for (CheckResult r : report.checks()) t.row(r.status().label(), r.title(), r.detail());
        out.print(t.render());
        for (CheckResult r : report.checks()) details(r, out);
        out.println();
        out.println(summary(report));
    }

    /** "all 7 checks passed", or "1 failed, 2 warnings, 4 passed"; info rows are figures, not checks. */
    static String summary(CheckReport report) {
        long failed = report.count(CheckStatus.FAIL);
        long warned = report.count(CheckStatus.WARN);
        long passed = report.count(CheckStatus.PASS);
        if (failed + warned == 0) return "all " + passed + " checks passed";
        return failed + " failed, " + warned + " warning" + (warned == 1 ? "" : "s") + ", " + passed + " passed";
    }

    private static void details(CheckResult r, PrintWriter out) {
        if (r.problems().isEmpty() && r.hint() == null) return;
        out.println();
        out.println(r.title() + ":");
        ShortList.print(out, r.problems());
        if (r.hint() != null) out.println("  hint: " + r.hint());
    }
}
