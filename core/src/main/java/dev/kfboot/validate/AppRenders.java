package dev.kfboot.validate;

import dev.kfboot.render.Rendered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The renders of a tree's component apps, one or more per app (one per renderable source), attributed to the
 * app's id. Apps of apps are not rendered: their children are read from the tree.
 */
public record AppRenders(Map<String, List<Rendered>> byApp) {

    public AppRenders {
        Map<String, List<Rendered>> copy = new LinkedHashMap<>();
        byApp.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byApp = copy;
    }

    /** The component apps, in tree order; also those with nothing renderable. */
    public Set<String> apps() {
        return new LinkedHashSet<>(byApp.keySet());
    }

    public List<Rendered> of(String app) {
        return byApp.getOrDefault(app, List.of());
    }

    public List<Rendered> all() {
        List<Rendered> out = new ArrayList<>();
        byApp.values().forEach(out::addAll);
        return out;
    }

    /** Remote bases an app's kustomizations fetch, sorted. */
    public Set<String> remoteUrls(String app) {
        Set<String> out = new TreeSet<>();
        for (Rendered r : of(app)) out.addAll(r.remoteUrls());
        return out;
    }
}
