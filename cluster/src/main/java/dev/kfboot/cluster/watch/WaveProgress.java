package dev.kfboot.cluster.watch;

import dev.kfboot.cluster.argocd.AppStatus;
import java.util.List;

/**
 * One wave of a watch: its apps and how many of them are Synced and Healthy.
 *
 * @param apps  the wave's existing apps, by name
 * @param ready how many of them are Synced and Healthy
 */
public record WaveProgress(int wave, List<AppStatus> apps, int ready) {

    public WaveProgress {
        apps = List.copyOf(apps);
    }

    /** Every app of the wave is Synced and Healthy. */
    public boolean done() {
        return ready == apps.size();
    }

    /** The wave's apps still on their way. */
    public List<AppStatus> pending() {
        return apps.stream().filter(a -> !a.syncedAndHealthy()).toList();
    }
}
