package dev.kfboot.cluster.watch;

import dev.kfboot.cluster.argocd.AppStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The watch as a pure step function: the apps to follow and what the informer shows in, where the watch stands out.
 * A failed sync ends it before anything else; then everything Synced and Healthy; then the deadline.
 */
public final class AppWatch {

    private AppWatch() {}

    /**
     * @param expected the apps to follow (a tree's), or null for every app that exists
     * @param snapshot every Application the informer holds
     * @param timeUp   the deadline has passed
     */
    public static WatchStep step(Set<String> expected, List<AppStatus> snapshot, boolean timeUp) {
        List<AppStatus> apps = snapshot.stream()
                .filter(a -> expected == null || expected.contains(a.name()))
                .sorted(Comparator.comparingInt(AppStatus::wave).thenComparing(AppStatus::name))
                .toList();
        List<String> absent = absent(expected, apps);
        List<WaveProgress> waves = waves(apps);
        AppStatus failed = apps.stream().filter(AppStatus::failed).findFirst().orElse(null);
        if (failed != null) {
            return new WatchStep(WatchStep.Outcome.FAILED, apps, absent, waves, failed, failed.message(), List.of());
        }
        if (!apps.isEmpty() && absent.isEmpty() && apps.stream().allMatch(AppStatus::syncedAndHealthy)) {
            return new WatchStep(WatchStep.Outcome.DONE, apps, absent, waves, null, null, List.of());
        }
        if (timeUp) {
            List<String> notReady = new ArrayList<>(apps.stream()
                    .filter(a -> !a.syncedAndHealthy())
                    .map(AppStatus::name)
                    .toList());
            notReady.addAll(absent);
            return new WatchStep(WatchStep.Outcome.TIMED_OUT, apps, absent, waves, null, null, notReady);
        }
        return new WatchStep(WatchStep.Outcome.WAITING, apps, absent, waves, null, null, List.of());
    }

    private static List<String> absent(Set<String> expected, List<AppStatus> apps) {
        if (expected == null) return List.of();
        Set<String> present = new TreeSet<>();
        apps.forEach(a -> present.add(a.name()));
        return new TreeSet<>(expected)
                .stream().filter(n -> !present.contains(n)).toList();
    }

    private static List<WaveProgress> waves(List<AppStatus> apps) {
        Map<Integer, List<AppStatus>> byWave = new TreeMap<>();
        for (AppStatus a : apps)
            byWave.computeIfAbsent(a.wave(), k -> new ArrayList<>()).add(a);
        List<WaveProgress> out = new ArrayList<>();
        byWave.forEach((wave, members) -> out.add(new WaveProgress(wave, members, (int)
                members.stream().filter(AppStatus::syncedAndHealthy).count())));
        return out;
    }
}
