package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.util.List;

/** A CRD's scope cannot change; re-creating the CRD deletes every custom resource of it: a human decides. */
final class CrdScopeRule implements ImmutableRule {

    private static final GroupKind KIND = new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition");

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KIND.equals(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        Object a = from.at("spec", "scope");
        Object b = to.at("spec", "scope");
        if (FieldValues.same(a, b)) return List.of();
        return List.of(new FieldChange(
                "spec.scope",
                FieldValues.print(a),
                FieldValues.print(b),
                true,
                "re-creating the CRD deletes every custom resource of it: export them first and create them again "
                        + "in the new scope"));
    }
}
