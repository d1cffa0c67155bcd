package dev.kfboot.upgrade;

import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The upgrade from one release to another: every change, listed per app in the target's wave order, and the objects
 * the target tree keeps although the new release drops them.
 *
 * @param targetWaves each target app's wave (apps only in the old release come last)
 * @param live        where the live facts came from, or null when no cluster was read
 * @param kept        objects to keep in the target tree with {@code Prune=false,Delete=false}, with their old bodies
 */
public record UpgradePlan(
        String from, String to, List<Change> changes, Map<String, Integer> targetWaves, String live, List<Kept> kept) {

    /** An object the new release drops that must not be deleted: the target app carries its old body. */
    public record Kept(String app, ResourceId id, Map<String, Object> body, String reason) {}

    public UpgradePlan {
        Map<String, Integer> w = Map.copyOf(targetWaves);
        targetWaves = w;
        Comparator<Change> perApp = Comparator.comparingInt((Change c) -> w.getOrDefault(c.app(), Integer.MAX_VALUE))
                .thenComparing(Change::app)
                .thenComparing(Change.ORDER);
        changes = changes.stream().sorted(perApp).toList();
        kept = kept.stream()
                .sorted(Comparator.comparing(Kept::app).thenComparing(Kept::id))
                .toList();
    }

    public boolean needsDecision() {
        return changes.stream().anyMatch(Change::needsDecision);
    }

    public List<Change> of(Change.Type type) {
        return changes.stream().filter(c -> c.type() == type).toList();
    }

    /** The changes grouped by app, in the target's wave order. */
    public Map<String, List<Change>> byApp() {
        Map<String, List<Change>> out = new LinkedHashMap<>();
        for (Change c : changes)
            out.computeIfAbsent(c.app(), k -> new ArrayList<>()).add(c);
        return out;
    }

    /** Per target app, the sync options per object the target tree must set (one entry per object). */
    public Map<String, Map<ResourceId, String>> resourceOptions() {
        Map<String, Map<ResourceId, String>> out = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.syncOptions() == null || c.app() == null) continue;
            out.computeIfAbsent(c.app(), k -> new TreeMap<>())
                    .merge(c.target(), c.syncOptions(), UpgradePlan::mergeOptions);
        }
        return out;
    }

    static String mergeOptions(String a, String b) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : (a + "," + b).split(",")) if (!s.isBlank()) all.add(s.trim());
        return String.join(",", all);
    }

    /** Apps of the old release the new one has not (their Applications are pruned by the root app), sorted. */
    public SortedSet<String> goneApps() {
        SortedSet<String> out = new TreeSet<>();
        for (Change c : changes) if (c.fromApp() != null && !targetWaves.containsKey(c.fromApp())) out.add(c.fromApp());
        return out;
    }

    public long count(Severity s) {
        return changes.stream().filter(c -> c.severity() == s).count();
    }
}
