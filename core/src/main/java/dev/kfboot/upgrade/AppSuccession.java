package dev.kfboot.upgrade;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which target app takes over an old app: the app of the same name if the target has one, else the target app that
 * renders most of the old app's objects (by identity or rename). Decides where an object that leaves is kept.
 */
record AppSuccession(Map<String, String> successor, Set<String> targetApps) {

    static AppSuccession of(List<Placed[]> same, List<RenameMatcher.Pair> renamed, Side to) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Placed[] p : same) vote(votes, p[0].app(), p[1].app());
        for (RenameMatcher.Pair r : renamed) vote(votes, r.from().app(), r.to().app());
        Map<String, String> out = new TreeMap<>();
        votes.forEach((old, counts) -> {
            if (to.waves().containsKey(old)) {
                out.put(old, old);
            } else {
                String best = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseThrow();
                out.put(old, best);
            }
        });
        return new AppSuccession(out, Set.copyOf(to.waves().keySet()));
    }

    private static void vote(Map<String, Map<String, Integer>> votes, String from, String to) {
        votes.computeIfAbsent(from, k -> new HashMap<>()).merge(to, 1, Integer::sum);
    }

    /** The target app that carries what is left of {@code oldApp}, or null when no target app takes over from it. */
    String of(String oldApp) {
        if (targetApps.contains(oldApp)) return oldApp;
        return successor.get(oldApp);
    }
}
