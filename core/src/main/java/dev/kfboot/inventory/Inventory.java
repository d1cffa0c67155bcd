package dev.kfboot.inventory;

import dev.kfboot.model.GroupKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every object of a platform, placed: its scope (from built-in kinds or the CRDs in the inventory) and the
 * namespace it will really land in. Indexes the lookups the analysis makes, so that analysis is linear in
 * the number of objects.
 */
public final class Inventory {

    /** Namespaces every cluster has; nobody needs to create them. */
    public static final Set<String> BUILTIN_NAMESPACES =
            Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    /** How an object's namespace differs from what it says. */
    public enum Quirk {
        /** Namespaced and carries its namespace: the normal case. */
        NONE,
        /** Cluster-scoped but a namespace is set (kustomize's namespace transformer did it); ignored. */
        NAMESPACE_ON_CLUSTER_SCOPED,
        /** Namespaced without a namespace: it lands in the app's destination namespace. */
        NAMESPACE_DEFAULTED,
        /** No built-in table and no CRD in the platform knows the kind. */
        UNKNOWN_KIND
    }

    /** An object with its scope and effective namespace (null for cluster-scoped objects). */
    public record Entry(KubeObject object, Scope scope, String namespace, Quirk quirk) {
        public String component() {
            return object.component();
        }
    }

    private final List<Entry> entries;
    private final KindTable kinds;
    private final Map<String, List<Entry>> byComponent;
    private final Map<GroupKind, List<Entry>> crdsByDefinedKind;
    private final Map<GroupKind, List<Entry>> byKind;
    private final Map<String, List<Entry>> namespaceObjects;

    private Inventory(List<Entry> entries, KindTable kinds) {
        this.entries = List.copyOf(entries);
        this.kinds = kinds;
        Map<String, List<Entry>> comp = new TreeMap<>();
        Map<GroupKind, List<Entry>> crds = new HashMap<>();
        Map<GroupKind, List<Entry>> kind = new HashMap<>();
        Map<String, List<Entry>> nss = new HashMap<>();
        for (Entry e : this.entries) {
            comp.computeIfAbsent(e.component(), k -> new ArrayList<>()).add(e);
            kind.computeIfAbsent(e.object().groupKind(), k -> new ArrayList<>()).add(e);
            if (e.object().isCrd())
                crds.computeIfAbsent(e.object().crd().definedKind(), k -> new ArrayList<>())
                        .add(e);
            if (e.object().isNamespace())
                nss.computeIfAbsent(e.object().id().name(), k -> new ArrayList<>())
                        .add(e);
        }
        this.byComponent = Collections.unmodifiableMap(comp);
        this.crdsByDefinedKind = crds;
        this.byKind = kind;
        this.namespaceObjects = nss;
    }

    /**
     * @param defaultNamespaces each component's destination namespace, for namespaced objects that set none
     */
    public static Inventory of(List<KubeObject> objects, Map<String, String> defaultNamespaces) {
        KindTable kinds = KindTable.of(objects);
        List<Entry> entries = new ArrayList<>(objects.size());
        for (KubeObject o : objects) {
            Scope scope = kinds.scopeOf(o.groupKind());
            String ns = o.id().namespace();
            Quirk quirk = Quirk.NONE;
            if (scope == Scope.CLUSTER) {
                if (ns != null) quirk = Quirk.NAMESPACE_ON_CLUSTER_SCOPED;
                ns = null;
            } else if (scope == Scope.UNKNOWN) {
                quirk = Quirk.UNKNOWN_KIND;
            } else if (ns == null) {
                ns = defaultNamespaces.get(o.component());
                quirk = Quirk.NAMESPACE_DEFAULTED;
            }
            entries.add(new Entry(o, scope, ns, quirk));
        }
        return new Inventory(entries, kinds);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public long bytes() {
        long total = 0;
        for (Entry e : entries) total += e.object().size();
        return total;
    }

    public KindTable kinds() {
        return kinds;
    }

    public Set<String> components() {
        return byComponent.keySet();
    }

    public List<Entry> of(String component) {
        return byComponent.getOrDefault(component, List.of());
    }

    public List<Entry> ofKind(GroupKind gk) {
        return byKind.getOrDefault(gk, List.of());
    }

    /** The CRDs (usually one) that define {@code gk}. */
    public List<Entry> crdsDefining(GroupKind gk) {
        return crdsByDefinedKind.getOrDefault(gk, List.of());
    }

    /** The Namespace objects named {@code ns} (more than one means two components create it). */
    public List<Entry> namespaceCreators(String ns) {
        return namespaceObjects.getOrDefault(ns, List.of());
    }

    /** Labels of namespace {@code ns} as the inventory creates it (empty when no component creates it). */
    public Map<String, String> namespaceLabels(String ns) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Entry e : namespaceCreators(ns)) labels.putAll(e.object().labels());
        return labels;
    }

    /** Namespaces a component's objects land in, sorted. */
    public Set<String> namespacesOf(String component) {
        Set<String> out = new TreeSet<>();
        for (Entry e : of(component)) if (e.namespace() != null) out.add(e.namespace());
        return out;
    }

    /** Object counts by kind for one component, sorted by kind. */
    public Map<String, Integer> kindCounts(String component) {
        Map<String, Integer> out = new TreeMap<>();
        for (Entry e : of(component)) out.merge(e.object().groupKind().toString(), 1, Integer::sum);
        return out;
    }
}
