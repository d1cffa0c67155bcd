package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.util.List;

/** A Job's pod template is fixed once the Job exists. */
final class JobTemplateRule implements ImmutableRule {

    private static final GroupKind KIND = new GroupKind("batch", "Job");

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KIND.equals(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        Object a = from.at("spec", "template");
        Object b = to.at("spec", "template");
        if (FieldValues.same(a, b)) return List.of();
        return List.of(FieldChange.recreate(
                "spec.template",
                a,
                b,
                "Argo CD deletes the Job and creates it again, so it runs once more with the new template"));
    }
}
