package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.util.ArrayList;
import java.util.List;

/** The StatefulSet fields outside the pod template that cannot change: claim templates, service, pod policy. */
final class StatefulSetRule implements ImmutableRule {

    private static final GroupKind KIND = new GroupKind("apps", "StatefulSet");

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KIND.equals(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        List<FieldChange> out = new ArrayList<>();
        String keep = "Argo CD deletes the StatefulSet and creates it again; its PersistentVolumeClaims stay "
                + "(a StatefulSet never deletes them unless its retention policy says so)";
        compare(out, from, to, "volumeClaimTemplates", null, keep);
        compare(out, from, to, "serviceName", null, keep);
        compare(out, from, to, "podManagementPolicy", "OrderedReady", keep);
        return out;
    }

    private static void compare(List<FieldChange> out, Placed from, Placed to, String field, Object dflt, String fix) {
        Object a = orDefault(from.at("spec", field), dflt);
        Object b = orDefault(to.at("spec", field), dflt);
        if (!FieldValues.same(a, b)) out.add(FieldChange.recreate("spec." + field, a, b, fix));
    }

    private static Object orDefault(Object v, Object dflt) {
        return v == null ? dflt : v;
    }
}
