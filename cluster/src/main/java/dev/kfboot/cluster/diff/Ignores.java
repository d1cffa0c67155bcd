package dev.kfboot.cluster.diff;

import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.model.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An Application's {@code spec.ignoreDifferences}, read from the live object. */
public final class Ignores {

    private Ignores() {}

    public static List<IgnoreDifference> of(Map<String, Object> spec) {
        List<IgnoreDifference> out = new ArrayList<>();
        for (Map<String, Object> m : Fields.maps(spec, "ignoreDifferences")) {
            out.add(new IgnoreDifference(
                    Fields.string(m, "group"),
                    Fields.string(m, "kind"),
                    Fields.string(m, "name"),
                    Fields.string(m, "namespace"),
                    strings(m, "jsonPointers"),
                    strings(m, "jqPathExpressions")));
        }
        return out;
    }

    private static List<String> strings(Map<String, Object> m, String key) {
        return Fields.list(m, key).stream().map(String::valueOf).toList();
    }
}
