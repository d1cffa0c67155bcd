package dev.kfboot.graph;

import dev.kfboot.model.ResourceId;

/**
 * An object that needs something from its own component first (kserve's ClusterServingRuntimes and their
 * CRD and webhook, cert-manager's ClusterIssuer). One Application cannot order these by waves between
 * components; Argo CD needs {@code SkipDryRunOnMissingResource} and retries, or a per-resource wave.
 */
public record InternalOrdering(String component, ResourceId object, Reason.Kind kind, String needs)
        implements Comparable<InternalOrdering> {

    @Override
    public int compareTo(InternalOrdering o) {
        int c = component.compareTo(o.component);
        if (c != 0) return c;
        c = object.compareTo(o.object);
        return c != 0 ? c : kind.compareTo(o.kind);
    }
}
