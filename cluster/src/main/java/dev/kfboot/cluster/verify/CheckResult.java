package dev.kfboot.cluster.verify;

import java.util.List;

/**
 * One row of {@code kfboot verify}.
 *
 * @param summary  what was checked, e.g. "57 of 57 ready"
 * @param problems one line per object that fails, sorted
 */
public record CheckResult(String id, String title, boolean passed, String summary, List<String> problems) {

    public CheckResult {
        problems = problems.stream().sorted().toList();
    }

    static CheckResult of(Check c, int total, List<String> problems, String noun) {
        String summary = total == 0
                ? "no " + noun + " to check"
                : (total - problems.size()) + " of " + total + " " + noun + " ok";
        return new CheckResult(c.id(), c.title(), problems.isEmpty(), summary, problems);
    }
}
