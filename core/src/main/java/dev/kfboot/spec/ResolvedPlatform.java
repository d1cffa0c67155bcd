package dev.kfboot.spec;

import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Variant;
import dev.kfboot.graph.DeclaredEdge;
import dev.kfboot.graph.KindProviders;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A platform spec resolved against its release catalog: the repository with defaults filled in, the apps
 * in catalog order, the extra (non-Kubeflow) apps, and the declared edges (catalog couplings and the spec's
 * own dependsOn), the manifests kfboot writes itself for an app (the Gateway API route), and the CRDs that
 * come from outside the rendered manifests, and the notices met on the way (which release an upstream tree is,
 * spec names mapped by the release's renames).
 */
public record ResolvedPlatform(
        Platform spec,
        ReleaseCatalog catalog,
        Repo repo,
        List<App> apps,
        List<ExtraApp> extraApps,
        List<DeclaredEdge> declaredEdges,
        Map<String, List<Map<String, Object>>> generated,
        KindProviders providers,
        List<Finding> notices) {

    public ResolvedPlatform {
        notices = notices == null ? List.of() : List.copyOf(notices);
        apps = List.copyOf(apps);
        extraApps = List.copyOf(extraApps);
        declaredEdges = List.copyOf(declaredEdges);
        generated = Map.copyOf(generated);
    }

    public ResolvedPlatform(
            Platform spec, ReleaseCatalog catalog, Repo repo, List<App> apps, List<DeclaredEdge> declaredEdges) {
        this(spec, catalog, repo, apps, List.of(), declaredEdges, Map.of(), KindProviders.NONE, List.of());
    }

    public ResolvedPlatform(
            Platform spec,
            ReleaseCatalog catalog,
            Repo repo,
            List<App> apps,
            List<ExtraApp> extraApps,
            List<DeclaredEdge> declaredEdges,
            Map<String, List<Map<String, Object>>> generated,
            KindProviders providers) {
        this(spec, catalog, repo, apps, extraApps, declaredEdges, generated, providers, List.of());
    }

    /** The same platform with its child Applications reading another repository (a fork's). */
    public ResolvedPlatform withRepo(Repo other) {
        return new ResolvedPlatform(
                spec, catalog, other, apps, extraApps, declaredEdges, generated, providers, notices);
    }

    /**
     * Objects an app would render that another enabled app's variant ships its own copy of (see
     * {@link dev.kfboot.catalog.Variant#supersedes()}): app, then object, then who supersedes it.
     */
    public Map<String, Map<ResourceId, String>> superseded() {
        Map<String, Map<ResourceId, String>> out = new LinkedHashMap<>();
        for (App a : apps) {
            for (Variant.Supersede s : a.variant().supersedes()) {
                if (app(s.component()).isEmpty()) continue;
                out.computeIfAbsent(s.component(), k -> new LinkedHashMap<>())
                        .put(s.object(), a.id() + " (variant " + a.variant().name() + ")");
            }
        }
        return out;
    }

    /** Manifests kfboot writes itself for an app (the Gateway API route), or empty. */
    public List<Map<String, Object>> generatedFor(String app) {
        return generated.getOrDefault(app, List.of());
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
