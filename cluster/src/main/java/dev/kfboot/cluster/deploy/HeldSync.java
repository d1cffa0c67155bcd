package dev.kfboot.cluster.deploy;

import dev.kfboot.model.Fields;
import dev.kfboot.validate.TreeApp;
import java.util.Map;

/**
 * An Application of a tree as kfboot applies it: with automated sync held off, since an app created with it would
 * start syncing at once, before its wave (facts.md); kfboot switches the tree's policy on when the app's wave is
 * Synced and Healthy.
 */
public final class HeldSync {

    private HeldSync() {}

    /** The app's document as written, as plain maps. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> document(TreeApp app) {
        return (Map<String, Object>) app.doc().toPlain();
    }

    /** The document with automated sync held off. */
    public static Map<String, Object> held(TreeApp app) {
        return withoutAutomated(document(app));
    }

    /** The tree's {@code syncPolicy.automated}, or null for manual sync. */
    public static Map<String, Object> automated(TreeApp app) {
        Map<String, Object> doc = document(app);
        return Fields.get(doc, "spec", "syncPolicy", "automated") instanceof Map<?, ?>
                ? Fields.map(doc, "spec", "syncPolicy", "automated")
                : null;
    }

    /** The tree's {@code syncPolicy.retry}, or null. */
    public static Map<String, Object> retry(TreeApp app) {
        Map<String, Object> r = Fields.map(document(app), "spec", "syncPolicy", "retry");
        return r.isEmpty() ? null : r;
    }

    /** A copy of an Application document without {@code syncPolicy.automated} (and without an emptied syncPolicy). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutAutomated(Map<String, Object> doc) {
        Map<String, Object> copy = PlainValues.copy(doc);
        if (copy.get("spec") instanceof Map<?, ?> s && s.get("syncPolicy") instanceof Map<?, ?> p) {
            ((Map<String, Object>) p).remove("automated");
            if (p.isEmpty()) ((Map<String, Object>) s).remove("syncPolicy");
        }
        return copy;
    }
}
