package dev.kfboot.cluster.adopt;

import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.Owner;
import dev.kfboot.cluster.diff.LiveDiff;
import dev.kfboot.cluster.diff.ObjectDiff;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.Scope;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Location;
import dev.kfboot.model.ResourceId;
import dev.kfboot.validate.ArgoCdSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the tree's apps with a cluster's live objects, reading only. Argo CD's own annotations on the desired
 * objects ({@code argocd.argoproj.io/*}: sync options, waves) are left out of the comparison: the first sync adds
 * them, and they change nothing the object does. ignoreDifferences come from the app and, system-wide, from the
 * tree's and the live {@code argocd-cm}.
 */
public final class Adopter {

    private static final String ARGO_ANNOTATIONS = "argocd.argoproj.io/";

    private Adopter() {}

    /** @param treeSettings the Argo CD settings the tree carries (argocd-cm entries in its files) */
    public static Adoption compare(Cluster cluster, List<DesiredApp> apps, ArgoCdSettings treeSettings) {
        List<ArgoCdSettings> settings = List.of(treeSettings, liveSettings(cluster));
        Set<String> namespaces = platformNamespaces(apps, cluster.argoNamespace());
        List<DesiredObject> all = new ArrayList<>();
        apps.stream().filter(a -> a.notCompared() == null).forEach(a -> all.addAll(a.objects()));
        LiveScan scan = LiveScan.read(cluster, all, namespaces);
        Set<ResourceId> owned = new HashSet<>();
        List<Adoption.AppAdoption> reports = new ArrayList<>();
        Set<String> notUnderstood = new LinkedHashSet<>();
        for (DesiredApp app : apps) {
            if (app.notCompared() != null) {
                reports.add(new Adoption.AppAdoption(
                        app.name(), app.notCompared(), List.of(), List.of(), List.of(), List.of()));
                continue;
            }
            Map<ResourceId, Map<String, Object>> desired = new LinkedHashMap<>();
            Map<ResourceId, Map<String, Object>> live = new HashMap<>();
            List<Adoption.Claim> claimed = new ArrayList<>();
            Set<GroupKind> kinds = new LinkedHashSet<>();
            for (DesiredObject o : app.objects()) {
                ResourceId id = settle(o, app, scan);
                owned.add(id);
                kinds.add(id.groupKind());
                Map<String, Object> have = scan.live(id, o.apiVersion());
                if (have != null) live.put(id, have);
                Optional<Owner> owner =
                        have == null ? Optional.empty() : Owner.of(have, o.labels(), cluster.argoNamespace());
                if (owner.isPresent() && !owner.get().isApp(app.name()))
                    claimed.add(new Adoption.Claim(id, owner.get()));
                else desired.put(id, asApplied(o.body(), id));
            }
            LiveDiff.Result diff = LiveDiff.compare(desired, live, List.of(), ignores(app, kinds, settings));
            notUnderstood.addAll(diff.notUnderstood());
            List<ObjectDiff> changed = diff.diffs().stream()
                    .filter(d -> d.change() == ObjectDiff.Change.CHANGED)
                    .toList();
            List<ResourceId> missing = diff.diffs().stream()
                    .filter(d -> d.change() == ObjectDiff.Change.MISSING)
                    .map(ObjectDiff::id)
                    .toList();
            Set<ResourceId> differing = new HashSet<>(missing);
            changed.forEach(d -> differing.add(d.id()));
            List<ResourceId> adopted = desired.keySet().stream()
                    .filter(id -> !differing.contains(id))
                    .toList();
            reports.add(new Adoption.AppAdoption(app.name(), null, adopted, changed, missing, claimed));
        }
        List<Adoption.Unmanaged> unmanaged = new ArrayList<>();
        Set<String> present = new HashSet<>();
        scan.objects().forEach((id, o) -> {
            if (id.namespace() == null || !namespaces.contains(id.namespace())) return;
            present.add(id.namespace());
            if (owned.contains(id) || ClusterMade.test(id, o)) return;
            unmanaged.add(new Adoption.Unmanaged(
                    id, Owner.of(o, Map.of(), cluster.argoNamespace()).orElse(null)));
        });
        namespaces.retainAll(present);
        return new Adoption(reports, unmanaged, new ArrayList<>(namespaces), new ArrayList<>(notUnderstood));
    }

    /**
     * The namespaces the tree's objects land in and the Namespaces it creates, without Kubernetes' and Argo CD's own.
     */
    static Set<String> platformNamespaces(List<DesiredApp> apps, String argoNamespace) {
        Set<String> out = new HashSet<>();
        for (DesiredApp a : apps) {
            for (DesiredObject o : a.objects()) {
                if (o.id().namespace() != null) out.add(o.id().namespace());
                if (o.id().group().isEmpty() && o.id().kind().equals("Namespace")) out.add(o.id().name());
            }
        }
        out.removeAll(Inventory.BUILTIN_NAMESPACES);
        out.remove(argoNamespace);
        return out;
    }

    /** The object's id with a kind the tree does not define placed by the cluster's CRDs. */
    private static ResourceId settle(DesiredObject o, DesiredApp app, LiveScan scan) {
        if (o.scope() != Scope.UNKNOWN) return o.id();
        if (scan.scopeOf(o.id().groupKind(), Scope.UNKNOWN) == Scope.CLUSTER) return o.id().withNamespace(null);
        return o.id().namespace() != null ? o.id() : o.id().withNamespace(app.destination());
    }

    private static List<IgnoreDifference> ignores(DesiredApp app, Set<GroupKind> kinds, List<ArgoCdSettings> settings) {
        List<IgnoreDifference> out = new ArrayList<>(app.ignores());
        for (GroupKind k : kinds) {
            for (ArgoCdSettings s : settings) {
                for (IgnoreDifference d : s.ignoresFor(k.group(), k.kind())) {
                    out.add(new IgnoreDifference(
                            k.group(), k.kind(), null, null, d.jsonPointers(), d.jqPathExpressions()));
                }
            }
        }
        return out;
    }

    private static ArgoCdSettings liveSettings(Cluster cluster) {
        ArgoCdSettings s = new ArgoCdSettings();
        ConfigMap cm = cluster.call(
                "reading argocd-cm",
                () -> cluster.client()
                        .configMaps()
                        .inNamespace(cluster.argoNamespace())
                        .withName("argocd-cm")
                        .get());
        if (cm != null && cm.getData() != null) s.scanRendered(new HashMap<>(cm.getData()), Location.NONE);
        return s;
    }

    /**
     * The rendered object as the API server would keep it and without Argo CD's annotations: a cluster-scoped object
     * loses the namespace kustomize may have put on it.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asApplied(Map<String, Object> body, ResourceId id) {
        if (!(body.get("metadata") instanceof Map<?, ?> meta)) return body;
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) meta);
        if (id.namespace() == null) m.remove("namespace");
        if (m.get("annotations") instanceof Map<?, ?> a) {
            Map<String, Object> annotations = new LinkedHashMap<>((Map<String, Object>) a);
            annotations.keySet().removeIf(k -> k.startsWith(ARGO_ANNOTATIONS));
            if (annotations.isEmpty()) m.remove("annotations");
            else m.put("annotations", annotations);
        }
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("metadata", m);
        return copy;
    }
}
