package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.SyncRequest;
import dev.kfboot.validate.TreeApp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run must do: AppProjects to apply, then targets phase by phase.
 *
 * @param stopAfterWave stop once this wave is healthy ({@code --wave N}), or null for all
 */
public record DeployPlan(
        List<Map<String, Object>> projects, List<Target> targets, List<Phase> phases, Integer stopAfterWave) {

    /** Deploy a tree: every wave in order, the apps of apps last; automated sync held until each wave is healthy. */
    public static DeployPlan of(DeployTree tree, Integer stopAfterWave) {
        Map<Integer, Phase> byWave = new LinkedHashMap<>();
        for (int w : tree.waves()) byWave.put(w, Phase.wave(byWave.size(), w));
        Phase root = tree.roots().isEmpty() ? null : Phase.root(byWave.size());
        List<Target> targets = new ArrayList<>();
        for (TreeApp a : tree.apps()) {
            Phase p = tree.isRoot(a) ? root : byWave.get(DeployTree.wave(a));
            targets.add(new Target(
                    a.name(),
                    p,
                    HeldSync.held(a),
                    HeldSync.automated(a),
                    SyncRequest.PLAIN.withRetry(HeldSync.retry(a)),
                    false));
        }
        List<Phase> phases = new ArrayList<>(byWave.values());
        if (root != null) phases.add(root);
        return new DeployPlan(tree.projectDocuments(), sorted(targets), phases, stopAfterWave);
    }

    /** Sync live apps in wave order, each once, whatever their state. */
    public static DeployPlan sync(List<AppStatus> apps, SyncRequest request) {
        Map<Integer, Phase> byWave = new LinkedHashMap<>();
        apps.stream()
                .map(AppStatus::wave)
                .distinct()
                .sorted()
                .forEach(w -> byWave.put(w, Phase.wave(byWave.size(), w)));
        List<Target> targets = new ArrayList<>();
        for (AppStatus a : apps) targets.add(new Target(a.name(), byWave.get(a.wave()), null, null, request, true));
        return new DeployPlan(List.of(), sorted(targets), new ArrayList<>(byWave.values()), null);
    }

    private static List<Target> sorted(List<Target> targets) {
        return targets.stream()
                .sorted(Comparator.comparingInt((Target t) -> t.phase().index()).thenComparing(Target::app))
                .toList();
    }

    public List<Target> in(Phase p) {
        return targets.stream().filter(t -> t.phase().equals(p)).toList();
    }
}
