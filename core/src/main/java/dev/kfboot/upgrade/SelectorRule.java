package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.util.List;
import java.util.Set;

/** {@code spec.selector} of workloads and Jobs: immutable since apps/v1. */
final class SelectorRule implements ImmutableRule {

    private static final Set<GroupKind> KINDS = Set.of(
            new GroupKind("apps", "Deployment"),
            new GroupKind("apps", "StatefulSet"),
            new GroupKind("apps", "DaemonSet"),
            new GroupKind("apps", "ReplicaSet"),
            new GroupKind("batch", "Job"));

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KINDS.contains(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        Object a = from.at("spec", "selector");
        Object b = to.at("spec", "selector");
        if (FieldValues.same(a, b)) return List.of();
        return List.of(FieldChange.recreate(
                "spec.selector",
                a,
                b,
                "Argo CD deletes the " + from.id().kind()
                        + " and creates it again (its pods restart; brief downtime)"));
    }
}
