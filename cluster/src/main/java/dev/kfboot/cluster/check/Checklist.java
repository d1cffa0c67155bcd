package dev.kfboot.cluster.check;

import dev.kfboot.cluster.ClusterException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks run in a fixed order over one context. A cluster failure stops the run, except that a checklist made
 * {@link #forbiddenAsWarning()} turns a check the user's RBAC forbids into a warning row and goes on.
 */
public final class Checklist<C> {

    private final List<Check<C>> checks;
    private final boolean forbiddenAsWarning;

    private Checklist(List<Check<C>> checks, boolean forbiddenAsWarning) {
        this.checks = List.copyOf(checks);
        this.forbiddenAsWarning = forbiddenAsWarning;
    }

    public static <C> Checklist<C> of(List<Check<C>> checks) {
        return new Checklist<>(checks, false);
    }

    /** The same checks; one the RBAC forbids becomes a warning row ("not checked: ...") with the failure's hint. */
    public Checklist<C> forbiddenAsWarning() {
        return new Checklist<>(checks, true);
    }

    public List<Check<C>> checks() {
        return checks;
    }

    public CheckReport run(C context) {
        List<CheckResult> out = new ArrayList<>();
        for (Check<C> c : checks) {
            try {
                out.add(c.run(context));
            } catch (ClusterException e) {
                if (!forbiddenAsWarning || e.kind() != ClusterException.Kind.FORBIDDEN) throw e;
                out.add(CheckResult.of(c, CheckStatus.WARN, "not checked: " + e.getMessage(), e.hint()));
            }
        }
        return new CheckReport(out);
    }
}
