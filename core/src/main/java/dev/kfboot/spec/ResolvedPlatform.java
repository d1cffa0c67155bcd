package dev.kfboot.spec;

import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.graph.DeclaredEdge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A platform spec resolved against its release catalog: the repository with defaults filled in, the apps
 * in catalog order, the extra (non-Kubeflow) apps, and the declared edges (catalog couplings and the spec's
 * own dependsOn).
 */
public record ResolvedPlatform(Platform spec, ReleaseCatalog catalog, Repo repo, List<App> apps,
                               List<ExtraApp> extraApps, List<DeclaredEdge> declaredEdges) {

    public ResolvedPlatform {
        apps = List.copyOf(apps);
        extraApps = List.copyOf(extraApps);
        declaredEdges = List.copyOf(declaredEdges);
    }

    public ResolvedPlatform(Platform spec, ReleaseCatalog catalog, Repo repo, List<App> apps,
                            List<DeclaredEdge> declaredEdges) {
        this(spec, catalog, repo, apps, List.of(), declaredEdges);
    }

    public String release() {
        return catalog.release();
    }

    /** The components' ids, in catalog order. */
    public Set<String> appIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (App a : apps) ids.add(a.id());
        return ids;
    }

    /** Every node of the dependency graph: the components, then the extra apps. */
    public Set<String> nodeIds() {
        Set<String> ids = appIds();
        for (ExtraApp e : extraApps) ids.add(e.name());
        return ids;
    }

    public Optional<App> app(String id) {
        return apps.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<ExtraApp> extraApp(String name) {
        return extraApps.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Each app's destination namespace, for objects that set none. */
    public Map<String, String> destinationNamespaces() {
        Map<String, String> out = new LinkedHashMap<>();
        for (App a : apps) out.put(a.id(), a.namespace());
        for (ExtraApp e : extraApps) out.put(e.name(), e.namespace());
        return out;
    }
}
