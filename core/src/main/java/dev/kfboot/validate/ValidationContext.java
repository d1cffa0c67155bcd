package dev.kfboot.validate;

import dev.kfboot.argocd.AppNeeds;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.graph.DependencyAnalysis;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Location;
import dev.kfboot.render.Rendered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the rules look at, computed once: the tree (apps with their files and lines), how each source
 * resolved, which apps are apps of apps, each component app's renders, one inventory across all of them,
 * the dependency graph derived from it, what each app needs of Argo CD, and which catalog components the apps
 * install. Rules are pure functions of it.
 *
 */
public final class ValidationContext {

    /** The id of findings about what kfboot could not check (info): an app, a repository, an ApplicationSet. */
    public static final String UNVERIFIED = "unverified";

    private final Tree tree;
    private final Map<String, List<ResolvedSource>> sources;
    private final AppHierarchy hierarchy;
    private final AppRenders renders;
    private final List<Finding> unreadable;
    private final Inventory inventory;
    private final DependencyAnalysis.Result analysis;
    private final CatalogMatch catalog;
    private final Map<String, AppNeeds> needs = new HashMap<>();
    private final Map<String, TreeApp> byId = new HashMap<>();
    private final String argocdNamespace;
    private final String kustomizeVersion;

    /** @param unreadable findings for rendered documents that are not Kubernetes objects */
    public ValidationContext(
            Tree tree,
            Map<String, List<ResolvedSource>> sources,
            AppHierarchy hierarchy,
            AppRenders renders,
            List<Finding> unreadable,
            Inventory inventory,
            DependencyAnalysis.Result analysis,
            CatalogMatch catalog) {
        this(tree, sources, hierarchy, renders, unreadable, inventory, analysis, catalog, null);
    }

    /** @param argocdNamespace {@code --argocd-namespace}; null for the namespaces the tree's Applications are in */
    public ValidationContext(
            Tree tree,
            Map<String, List<ResolvedSource>> sources,
            AppHierarchy hierarchy,
            AppRenders renders,
            List<Finding> unreadable,
            Inventory inventory,
            DependencyAnalysis.Result analysis,
            CatalogMatch catalog,
            String argocdNamespace) {
        this(tree, sources, hierarchy, renders, unreadable, inventory, analysis, catalog, argocdNamespace, null);
    }

    /** @param kustomizeVersion the version of the kustomize that rendered the tree; null when none ran */
    public ValidationContext(
            Tree tree,
            Map<String, List<ResolvedSource>> sources,
            AppHierarchy hierarchy,
            AppRenders renders,
            List<Finding> unreadable,
            Inventory inventory,
            DependencyAnalysis.Result analysis,
            CatalogMatch catalog,
            String argocdNamespace,
            String kustomizeVersion) {
        this.kustomizeVersion = kustomizeVersion;
        this.argocdNamespace = argocdNamespace;
        this.tree = tree;
        this.sources = Map.copyOf(sources);
        this.hierarchy = hierarchy;
        this.renders = renders;
        this.unreadable = List.copyOf(unreadable);
        this.inventory = inventory;
        this.analysis = analysis;
        this.catalog = catalog;
        for (TreeApp a : tree.apps()) byId.put(a.id(), a);
    }

    /** The version of the kustomize that rendered the tree ({@code v5.5.0}); null when no kustomize ran. */
    public String kustomizeVersion() {
        return kustomizeVersion;
    }

    public Tree tree() {
        return tree;
    }

    public AppHierarchy hierarchy() {
        return hierarchy;
    }

    public AppRenders renders() {
        return renders;
    }

    public List<Finding> unreadable() {
        return unreadable;
    }

    public Inventory inventory() {
        return inventory;
    }

    public DependencyAnalysis.Result analysis() {
        return analysis;
    }

    public CatalogMatch catalog() {
        return catalog;
    }

    public List<TreeApp> apps() {
        return tree.apps();
    }

    public boolean hasApp(String id) {
        return byId.containsKey(id);
    }

    public TreeApp app(String id) {
        TreeApp a = byId.get(id);
        if (a == null) throw new IllegalArgumentException("no app " + id);
        return a;
    }

    /** Apps that deploy objects (not apps of apps), in tree order. */
    public List<TreeApp> componentApps() {
        List<TreeApp> out = new ArrayList<>();
        for (TreeApp a : tree.apps()) if (!hierarchy.isParent(a.id())) out.add(a);
        return out;
    }

    /** Every app whose render is in the inventory: component apps and apps of apps (whose own objects count too). */
    public List<TreeApp> appsWithObjects() {
        return tree.apps();
    }

    /**
     * Argo CD's namespace, which exists wherever the tree is synced: {@code --argocd-namespace}, else every namespace
     * the tree's Applications are written in ({@code argocd} when none says).
     */
    public Set<String> argocdNamespaces() {
        Set<String> out = new TreeSet<>();
        if (argocdNamespace != null) out.add(argocdNamespace);
        else
            for (TreeApp a : tree.apps())
                out.add(a.app().namespace() == null ? "argocd" : a.app().namespace());
        if (out.isEmpty()) out.add("argocd");
        return out;
    }

    /**
     * Apps whose objects kfboot could not see, with why: a source in a repository with no checkout, a config
     * management plugin, a Helm chart it could not render. Rules that conclude from an absence ("no app creates
     * namespace X") cannot conclude while one of these might be the one.
     */
    public Map<String, String> unverifiedApps() {
        Map<String, String> out = new TreeMap<>();
        for (TreeApp a : tree.apps()) {
            for (ResolvedSource s : sourcesOf(a.id())) {
                if (s.kind() == ResolvedSource.Kind.UNMAPPED_REPO)
                    out.putIfAbsent(
                            a.id(), "its source is in " + s.source().repoURL() + ", which has no local checkout");
                if (s.kind() == ResolvedSource.Kind.PLUGIN)
                    out.putIfAbsent(a.id(), "its source is a config management plugin");
            }
            for (Rendered r : renders.of(a.id())) {
                if (!r.ok() && UNVERIFIED.equals(r.failure().rule()))
                    out.putIfAbsent(a.id(), r.failure().message());
            }
        }
        return out;
    }

    public List<ResolvedSource> sourcesOf(String app) {
        return sources.getOrDefault(app, List.of());
    }

    /** What an app's objects require of Argo CD (large CRDs, injected fields, prune-sensitive objects). */
    public synchronized AppNeeds needs(String app) {
        return needs.computeIfAbsent(app, a -> AppNeeds.of(a, inventory));
    }

    /** Whether Argo CD creates {@code ns} for this app: CreateNamespace=true and it is the destination namespace. */
    public boolean createsNamespace(TreeApp app, String ns) {
        return app.app().syncPolicy().has(ArgoCd.CREATE_NAMESPACE)
                && ns.equals(app.app().destinationNamespace());
    }

    /**
     * Labels a namespace gets: from the Namespace objects that create it (the strictest value wins where they
     * disagree, as pods must pass whichever lands last) and from managedNamespaceMetadata of apps that let
     * Argo CD create it.
     */
    public Map<String, String> namespaceLabels(String ns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Inventory.Entry e : inventory.namespaceCreators(ns))
            merge(out, e.object().labels());
        for (TreeApp a : appsWithObjects()) if (createsNamespace(a, ns)) merge(out, a.managedNamespaceLabels());
        return out;
    }

    private static void merge(Map<String, String> into, Map<String, String> labels) {
        labels.forEach((k, v) -> into.merge(k, v, (a, b) -> PodSecurityLevel.stricter(k, a, b)));
    }

    /** Where findings about the whole tree go: the top app of apps, else the first app. */
    public Location treeLocation() {
        for (TreeApp a : tree.apps()) {
            if (hierarchy.isParent(a.id()) && hierarchy.parentOf(a.id()) == null) return a.location();
        }
        return tree.apps().isEmpty()
                ? Location.of(tree.repo().display(tree.dir()))
                : tree.apps().get(0).location();
    }
}
