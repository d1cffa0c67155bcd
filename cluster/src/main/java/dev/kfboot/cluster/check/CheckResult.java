package dev.kfboot.cluster.check;

import java.util.List;

/**
 * One row of a checklist.
 *
 * @param id       a stable id for JSON output, e.g. {@code node-capacity}
 * @param detail   what was found, one line (e.g. "57 of 57 workloads ok")
 * @param problems one line per object in trouble (a pod crash-looping, a CRD owned by Helm), sorted
 * @param hint     what to do about a warning or failure; null when there is nothing to do
 */
public record CheckResult(
        String id, String title, CheckStatus status, String detail, List<String> problems, String hint) {

    public CheckResult {
        problems = problems.stream().sorted().toList();
    }

    public static CheckResult pass(Check<?> c, String detail) {
        return new CheckResult(c.id(), c.title(), CheckStatus.PASS, detail, List.of(), null);
    }

    public static CheckResult of(Check<?> c, CheckStatus status, String detail, String hint) {
        return new CheckResult(c.id(), c.title(), status, detail, List.of(), hint);
    }

    /** A failure shown by the objects in trouble. */
    public static CheckResult fail(Check<?> c, String detail, List<String> problems) {
        return new CheckResult(c.id(), c.title(), CheckStatus.FAIL, detail, problems, null);
    }

    /**
     * A check over {@code total} objects of one kind: passes when no object is in trouble; the detail counts them
     * ("56 of 57 pods ok", "no pods to check").
     */
    public static CheckResult counted(Check<?> c, int total, List<String> problems, String noun) {
        String detail = total == 0
                ? "no " + noun + " to check"
                : (total - problems.size()) + " of " + total + " " + noun + " ok";
        return new CheckResult(
                c.id(), c.title(), problems.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL, detail, problems, null);
    }

    public CheckResult withProblems(List<String> lines) {
        return new CheckResult(id, title, status, detail, lines, hint);
    }
}
