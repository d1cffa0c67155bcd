package dev.kfboot.upgrade;

import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Runs every {@link ImmutableRule} over the objects both releases render. */
final class ImmutableChanges {

    private ImmutableChanges() {}

    static List<Change> find(List<Placed[]> same) {
        List<ImmutableRule> rules = ImmutableRule.all();
        List<Change> out = new ArrayList<>();
        for (Placed[] p : same) {
            for (ImmutableRule rule : rules) {
                if (!rule.appliesTo(p[0].id().groupKind())) continue;
                for (ImmutableRule.FieldChange f : rule.changes(p[0], p[1])) out.add(change(p[0], p[1], f));
            }
        }
        return out;
    }

    private static Change change(Placed from, Placed to, ImmutableRule.FieldChange f) {
        String msg = f.field()
                + " changes, which the API server refuses to update: Argo CD's apply fails and retries forever";
        if (f.dataAtRisk()) {
            return new Change(
                    Change.Type.IMMUTABLE,
                    Severity.ERROR,
                    to.app(),
                    from.app(),
                    from.id(),
                    null,
                    f.field(),
                    f.oldValue(),
                    f.newValue(),
                    msg,
                    "needs a decision: " + f.fix(),
                    null);
        }
        return new Change(
                Change.Type.IMMUTABLE,
                Severity.WARNING,
                to.app(),
                from.app(),
                from.id(),
                null,
                f.field(),
                f.oldValue(),
                f.newValue(),
                msg,
                ImmutableRule.RECREATE + " on this object: " + f.fix(),
                ImmutableRule.RECREATE);
    }
}
