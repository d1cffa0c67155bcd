package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import dev.kfboot.model.SafeText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Secret or ConfigMap marked {@code immutable: true} cannot change its data, nor become mutable again. Only key
 * names are printed, never values.
 */
final class ImmutableDataRule implements ImmutableRule {

    private static final Set<GroupKind> KINDS = Set.of(new GroupKind("", "Secret"), new GroupKind("", "ConfigMap"));
    private static final List<String> DATA = List.of("data", "binaryData", "stringData");

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KINDS.contains(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        if (!Boolean.TRUE.equals(from.at("immutable"))) return List.of();
        List<FieldChange> out = new ArrayList<>();
        if (!Boolean.TRUE.equals(to.at("immutable"))) {
            out.add(new FieldChange(
                    "immutable",
                    "true",
                    FieldValues.print(to.at("immutable")),
                    false,
                    "Argo CD deletes it and creates it again (an immutable object cannot become mutable)"));
        }
        Set<String> changed = new TreeSet<>();
        for (String d : DATA) {
            Map<?, ?> a = from.at(d) instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> b = to.at(d) instanceof Map<?, ?> m ? m : Map.of();
            Set<Object> keys = new TreeSet<>(Comparator.comparing(String::valueOf));
            keys.addAll(a.keySet());
            keys.addAll(b.keySet());
            for (Object k : keys)
                if (!FieldValues.same(a.get(k), b.get(k))) changed.add(SafeText.escape(String.valueOf(k)));
        }
        if (!changed.isEmpty()) {
            out.add(new FieldChange(
                    "data",
                    "keys " + String.join(", ", changed) + " (old values)",
                    "keys " + String.join(", ", changed) + " (new values)",
                    false,
                    "Argo CD deletes it and creates it again; pods that mount it see "
                            + "the new data only after a restart"));
        }
        return out;
    }
}
