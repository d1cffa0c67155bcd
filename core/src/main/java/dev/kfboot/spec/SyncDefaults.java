package dev.kfboot.spec;

import dev.kfboot.argocd.SyncPolicy;

/**
 * {@code spec.syncPolicy}: how child Applications sync unless a component or extra app says otherwise.
 * Defaults: automated with prune and selfHeal, retry 5 times backing off 5s doubling up to 3m.
 */
public record SyncDefaults(SyncMode mode, boolean prune, boolean selfHeal, SyncPolicy.Retry retry) {

    public static final SyncDefaults DEFAULT =
            new SyncDefaults(SyncMode.AUTOMATED, true, true, SyncPolicy.Retry.DEFAULT);
}
