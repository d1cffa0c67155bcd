package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.util.List;
import java.util.Set;

/** A binding's {@code roleRef} cannot change: the binding must be deleted and created again. */
final class RoleRefRule implements ImmutableRule {

    private static final Set<GroupKind> KINDS = Set.of(
            new GroupKind("rbac.authorization.k8s.io", "RoleBinding"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRoleBinding"));

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KINDS.contains(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        Object a = from.at("roleRef");
        Object b = to.at("roleRef");
        if (FieldValues.same(a, b)) return List.of();
        return List.of(FieldChange.recreate(
                "roleRef",
                a,
                b,
                "Argo CD deletes the binding and creates it again (its subjects lack the permissions for a moment)"));
    }
}
