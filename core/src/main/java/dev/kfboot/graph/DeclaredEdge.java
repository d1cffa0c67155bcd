package dev.kfboot.graph;

import dev.kfboot.model.Location;

/**
 * An edge that manifests do not show: from the catalog ({@link Reason.Kind#DECLARED}) or from the platform
 * spec ({@link Reason.Kind#SPEC}).
 */
public record DeclaredEdge(String component, String dependsOn, Reason.Kind kind, String reason, Location location) {

    public DeclaredEdge {
        if (!kind.declared()) throw new IllegalArgumentException("a declared edge must be DECLARED or SPEC: " + kind);
    }
}
