package dev.kfboot.argocd;

import java.util.List;

/**
 * An Application's {@code spec.syncPolicy}.
 *
 * @param automated null for manual sync
 * @param retry     null when Argo CD's defaults apply
 */
public record SyncPolicy(Automated automated, List<String> syncOptions, Retry retry) {

    /** {@code syncPolicy.automated}. */
    public record Automated(boolean prune, boolean selfHeal) {}

    /** {@code syncPolicy.retry}: limit and exponential backoff. */
    public record Retry(int limit, String duration, int factor, String maxDuration) {

        /** Five attempts, 5s doubling up to 3m: what the seeds use and kfboot emits by default. */
        public static final Retry DEFAULT = new Retry(5, "5s", 2, "3m");
    }

    public static final SyncPolicy MANUAL = new SyncPolicy(null, List.of(), null);

    public SyncPolicy {
        syncOptions = syncOptions == null ? List.of() : List.copyOf(syncOptions);
    }

    public boolean has(String option) {
        return syncOptions.contains(option);
    }

    public boolean autoPrune() {
        return automated != null && automated.prune();
    }
}
