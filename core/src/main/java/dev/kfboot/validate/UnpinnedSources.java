package dev.kfboot.validate;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.render.RemoteOrigins;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the unpinned remote base a finding's object comes from: what such a finding reports may change at the next
 * sync without any commit to the tree, and the fix may belong upstream or in a pin rather than in the tree.
 */
final class UnpinnedSources {

    private UnpinnedSources() {}

    static List<Finding> named(List<Finding> findings, Inventory inventory) {
        Map<String, String> urls = new HashMap<>();
        for (Inventory.Entry e : inventory.entries()) {
            String url = e.object().annotation(RemoteOrigins.ANNOTATION);
            if (url == null) continue;
            // rules name an object as rendered or placed in its effective namespace
            urls.put(key(e.component(), e.object().id().toString()), url);
            urls.put(
                    key(
                            e.component(),
                            e.object().id().withNamespace(e.namespace()).toString()),
                    url);
        }
        if (urls.isEmpty()) return findings;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String url = f.resource() == null || f.app() == null ? null : urls.get(key(f.app(), f.resource()));
            out.add(
                    url == null
                            ? f
                            : new Finding(
                                    f.rule(),
                                    f.severity(),
                                    f.app(),
                                    f.resource(),
                                    f.location(),
                                    f.message() + "; the object comes from the remote base " + url
                                            + ", which no tag or commit pins: it may differ at the next sync",
                                    f.hint()));
        }
        return out;
    }

    private static String key(String app, String resource) {
        return app + '\u0000' + resource;
    }
}
