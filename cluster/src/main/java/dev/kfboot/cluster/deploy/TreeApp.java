package dev.kfboot.cluster.deploy;

import dev.kfboot.model.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Application of a tree, as a plain document normalised through JSON (so numbers compare equal to what the
 * API server returns).
 *
 * @param root an app of apps (its destination is Argo CD's own namespace): deployed after every wave
 * @param file where it was read, for messages
 */
public record TreeApp(String name, int wave, boolean root, Map<String, Object> document, String file) {

    /** The tree's {@code syncPolicy.automated}, or null for manual sync. */
    public Map<String, Object> automated() {
        Object a = Fields.get(document, "spec", "syncPolicy", "automated");
        return a instanceof Map<?, ?> ? Fields.map(document, "spec", "syncPolicy", "automated") : null;
    }

    public Map<String, Object> retry() {
        Map<String, Object> r = Fields.map(document, "spec", "syncPolicy", "retry");
        return r.isEmpty() ? null : r;
    }

    /**
     * The document with automated sync held off: an app created with it would start syncing at once, before
     * its wave (facts.md). kfboot switches it on when the app's wave is Synced and Healthy.
     */
    public Map<String, Object> held() {
        return withoutAutomated(document);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutAutomated(Map<String, Object> doc) {
        Map<String, Object> copy = deepCopy(doc);
        Object spec = copy.get("spec");
        if (spec instanceof Map<?, ?> s && s.get("syncPolicy") instanceof Map<?, ?> p) {
            ((Map<String, Object>) p).remove("automated");
            if (p.isEmpty()) ((Map<String, Object>) s).remove("syncPolicy");
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(
                k,
                v instanceof Map<?, ?> mm
                        ? deepCopy((Map<String, Object>) mm)
                        : v instanceof List<?> l
                                ? l.stream()
                                        .map(x -> x instanceof Map<?, ?> xm
                                                ? (Object) deepCopy((Map<String, Object>) xm)
                                                : x)
                                        .toList()
                                : v));
        return out;
    }
}
