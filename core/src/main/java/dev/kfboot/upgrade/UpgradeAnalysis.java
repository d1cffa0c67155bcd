package dev.kfboot.upgrade;

import dev.kfboot.model.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The upgrade in one method: pair the two releases' objects by identity, then by role for the rest (renames), and run
 * each check over the pairs and the leftovers. Pure: the same two sides and live facts give the same plan.
 */
public final class UpgradeAnalysis {

    private UpgradeAnalysis() {}

    public static UpgradePlan analyze(Side from, Side to, LiveFacts live) {
        Map<ResourceId, Placed> a = from.placed();
        Map<ResourceId, Placed> b = to.placed();
        List<Placed[]> same = new ArrayList<>();
        List<Placed> gone = new ArrayList<>();
        for (Placed p : a.values()) {
            Placed q = b.get(p.id());
            if (q != null) same.add(new Placed[] {p, q});
            else gone.add(p);
        }
        List<Placed> added =
                b.values().stream().filter(q -> !a.containsKey(q.id())).toList();
        List<RenameMatcher.Pair> renamed = RenameMatcher.match(gone, added);
        AppSuccession succession = AppSuccession.of(same, renamed, to);

        List<Change> changes = new ArrayList<>();
        List<UpgradePlan.Kept> kept = new ArrayList<>();
        changes.addAll(ImmutableChanges.find(same));
        changes.addAll(CrdVersions.find(same, live));
        changes.addAll(Moves.find(same));
        changes.addAll(Departures.renamed(renamed, succession, kept));
        var renamedFrom = renamed.stream().map(r -> r.from().id()).collect(Collectors.toSet());
        List<Placed> removed =
                gone.stream().filter(p -> !renamedFrom.contains(p.id())).toList();
        changes.addAll(Departures.removed(removed, a.values(), succession, live, kept));
        changes.addAll(OrderingChanges.find(from, to));

        Map<String, Integer> waves = new LinkedHashMap<>(to.waves());
        return new UpgradePlan(from.release(), to.release(), changes, waves, live.source(), kept);
    }
}
