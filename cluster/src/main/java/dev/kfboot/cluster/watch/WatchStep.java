package dev.kfboot.cluster.watch;

import dev.kfboot.cluster.argocd.AppStatus;
import java.util.List;

/**
 * Where a watch stands after one look at the apps.
 *
 * @param apps     the followed apps that exist, in wave then name order
 * @param absent   followed apps that do not exist yet (only when a tree names them), sorted
 * @param waves    the progress of each wave of {@code apps}, in wave order
 * @param failed   the app whose sync failed when the outcome is {@link Outcome#FAILED}, else null
 * @param reason   why it failed (its most telling message), else null
 * @param notReady when timed out: the apps not Synced and Healthy, then the absent ones; else empty
 */
public record WatchStep(
        Outcome outcome,
        List<AppStatus> apps,
        List<String> absent,
        List<WaveProgress> waves,
        AppStatus failed,
        String reason,
        List<String> notReady) {

    /** Where the watch stands. */
    public enum Outcome {
        /** Some apps are on their way: wait for the next change. */
        WAITING,
        /** Every followed app exists and is Synced and Healthy. */
        DONE,
        /** An app's last sync failed. */
        FAILED,
        /** The deadline passed before everything was Synced and Healthy. */
        TIMED_OUT;

        public boolean terminal() {
            return this != WAITING;
        }
    }

    public WatchStep {
        apps = List.copyOf(apps);
        absent = List.copyOf(absent);
        waves = List.copyOf(waves);
        notReady = List.copyOf(notReady);
    }
}
