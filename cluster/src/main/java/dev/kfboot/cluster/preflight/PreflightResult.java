package dev.kfboot.cluster.preflight;

import java.util.List;

/**
 * One row of {@code kfboot preflight}.
 *
 * @param id       a stable id for JSON output, e.g. {@code node-capacity}
 * @param detail   what was found, one line
 * @param problems one line per object in trouble (a node not counted, a CRD owned by Helm), sorted
 * @param hint     what to do about a warning or failure; null when passed
 */
public record PreflightResult(
        String id, String title, Status status, String detail, List<String> problems, String hint) {

    public PreflightResult {
        problems = problems.stream().sorted().toList();
    }

    static PreflightResult pass(PreflightCheck c, String detail) {
        return new PreflightResult(c.id(), c.title(), Status.PASS, detail, List.of(), null);
    }

    static PreflightResult of(PreflightCheck c, Status status, String detail, String hint) {
        return new PreflightResult(c.id(), c.title(), status, detail, List.of(), hint);
    }

    PreflightResult withProblems(List<String> lines) {
        return new PreflightResult(id, title, status, detail, lines, hint);
    }
}
