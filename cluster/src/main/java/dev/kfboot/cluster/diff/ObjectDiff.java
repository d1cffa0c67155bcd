package dev.kfboot.cluster.diff;

import dev.kfboot.model.ResourceId;

/**
 * One object that differs.
 *
 * @param unified a unified diff from live to desired (empty for extra objects)
 */
public record ObjectDiff(ResourceId id, Change change, String unified) {

    /** How it differs. */
    public enum Change {
        /** Both exist, fields differ. */
        CHANGED,
        /** In the desired state, not in the cluster: a sync would create it. */
        MISSING,
        /** Managed by the app in the cluster, no longer in its source: a sync with prune would delete it. */
        EXTRA
    }
}
