package dev.kfboot.spec;

import java.util.Locale;

/**
 * How an Application syncs: {@code automated} (Argo CD syncs on every change, with the spec's prune and
 * selfHeal) or {@code manual} (someone runs {@code argocd app sync}; seed 002 asks this for pipelines).
 */
public enum SyncMode {
    AUTOMATED,
    MANUAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return null when {@code s} is neither label */
    public static SyncMode parse(String s) {
        for (SyncMode m : values()) if (m.label().equals(s)) return m;
        return null;
    }
}
