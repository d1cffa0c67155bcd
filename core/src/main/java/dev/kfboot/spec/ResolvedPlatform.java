package dev.kfboot.spec;

import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.graph.DeclaredEdge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A platform spec resolved against its release catalog: the repository with defaults filled in, the apps
 * in catalog order, and the declared edges (catalog couplings and the spec's own dependsOn).
 */
public record ResolvedPlatform(Platform spec, ReleaseCatalog catalog, Repo repo, List<App> apps,
                               List<DeclaredEdge> declaredEdges) {

    public ResolvedPlatform {
        apps = List.copyOf(apps);
        declaredEdges = List.copyOf(declaredEdges);
    }

    public String release() {
        return catalog.release();
    }

    public Set<String> appIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (App a : apps) ids.add(a.id());
        return ids;
    }

    /** Each app's destination namespace, for objects that set none. */
    public Map<String, String> destinationNamespaces() {
        Map<String, String> out = new LinkedHashMap<>();
        for (App a : apps) out.put(a.id(), a.namespace());
        return out;
    }
}
