package dev.kfboot.cluster.check;

import java.util.List;

/** The rows of a checklist run, in the checklist's order. */
public record CheckReport(List<CheckResult> checks) {

    public CheckReport {
        checks = List.copyOf(checks);
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(r -> r.status() == status).count();
    }

    /** No check failed, and under {@code strict} none warned either. */
    public boolean ok(boolean strict) {
        return count(CheckStatus.FAIL) == 0 && !(strict && count(CheckStatus.WARN) > 0);
    }
}
