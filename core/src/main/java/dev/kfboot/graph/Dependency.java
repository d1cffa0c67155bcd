package dev.kfboot.graph;

import java.util.List;

/** {@code component} must be synced and healthy after {@code dependsOn}, for these reasons (sorted). */
public record Dependency(String component, String dependsOn, List<Reason> reasons) implements Comparable<Dependency> {

    public Dependency {
        reasons = reasons.stream().sorted().toList();
    }

    /** True when every reason is declared (catalog or spec) rather than seen in the manifests. */
    public boolean declaredOnly() {
        return reasons.stream().allMatch(r -> r.kind().declared());
    }

    @Override
    public int compareTo(Dependency o) {
        int c = component.compareTo(o.component);
        return c != 0 ? c : dependsOn.compareTo(o.dependsOn);
    }
}
