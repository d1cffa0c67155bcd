package dev.kfboot.cluster.adopt;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.LiveMaps;
import dev.kfboot.cluster.LiveObjects;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.inventory.Scope;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the live objects adopt compares, with one list request per kind across all namespaces (per namespace when
 * RBAC allows no more): every kind the tree's objects have, at each API version they are written in (when the cluster
 * serves it; each object is compared as read at its own version, the way Argo CD reads it), and, to find objects no app
 * owns, the built-in kinds people create in a namespace ({@link #BUILTIN}) and every namespaced kind the cluster's CRDs
 * define. Kinds are addressed by the cluster's CRDs and kfboot's table of built-in kinds, without API discovery; a kind
 * neither knows is not served, so none of its objects exist. Kinds only Kubernetes and controllers write (Events,
 * Endpoints, EndpointSlices, Leases, ControllerRevisions) are not listed. Objects outside the namespaces asked for are
 * dropped as they arrive.
 */
final class LiveScan {

    /** Namespaced built-in kinds whose objects people (and install scripts) create, with the version to list. */
    static final Map<GroupKind, String> BUILTIN = builtin();

    private final Map<ResourceId, Map<String, Object>> objects = new HashMap<>();
    private final Map<String, Map<ResourceId, Map<String, Object>>> byVersion = new HashMap<>();
    private final Map<GroupKind, CustomResourceDefinition> crds = new HashMap<>();

    private LiveScan() {}

    private static Map<GroupKind, String> builtin() {
        Map<GroupKind, String> m = new LinkedHashMap<>();
        for (String k : List.of("ConfigMap", "Secret", "Service", "ServiceAccount", "PersistentVolumeClaim", "Pod"))
            m.put(new GroupKind("", k), "v1");
        for (String k : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"))
            m.put(new GroupKind("apps", k), "v1");
        m.put(new GroupKind("batch", "Job"), "v1");
        m.put(new GroupKind("batch", "CronJob"), "v1");
        m.put(new GroupKind("rbac.authorization.k8s.io", "Role"), "v1");
        m.put(new GroupKind("rbac.authorization.k8s.io", "RoleBinding"), "v1");
        m.put(new GroupKind("networking.k8s.io", "NetworkPolicy"), "v1");
        m.put(new GroupKind("networking.k8s.io", "Ingress"), "v1");
        m.put(new GroupKind("policy", "PodDisruptionBudget"), "v1");
        m.put(new GroupKind("autoscaling", "HorizontalPodAutoscaler"), "v2");
        return Collections.unmodifiableMap(m);
    }

    /**
     * @param desired    the tree's objects (their kinds are listed at their versions)
     * @param namespaces the namespaces whose objects are kept, besides those of the desired objects
     */
    static LiveScan read(Cluster cluster, Collection<DesiredObject> desired, Set<String> namespaces) {
        LiveScan scan = new LiveScan();
        for (CustomResourceDefinition crd : cluster.call(
                "listing CustomResourceDefinitions",
                () -> cluster.client()
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .list()
                        .getItems())) {
            scan.crds.put(
                    new GroupKind(
                            crd.getSpec().getGroup(), crd.getSpec().getNames().getKind()),
                    crd);
        }
        Set<String> keep = new HashSet<>(namespaces);
        // one list per kind and version the tree writes; the scan-only kinds once, at their usual version
        Map<String, ResourceDefinitionContext> lists = new LinkedHashMap<>();
        Set<GroupKind> listed = new HashSet<>();
        for (DesiredObject o : desired) {
            if (o.id().namespace() != null) keep.add(o.id().namespace());
            GroupKind gk = o.id().groupKind();
            scan.context(gk, versionOf(o.apiVersion())).ifPresent(c -> lists.putIfAbsent(key(c), c));
            listed.add(gk);
        }
        BUILTIN.forEach((gk, version) -> {
            if (listed.add(gk)) scan.context(gk, version).ifPresent(c -> lists.putIfAbsent(key(c), c));
        });
        scan.crds.forEach((gk, crd) -> {
            if ("Namespaced".equals(crd.getSpec().getScope()) && listed.add(gk))
                scan.context(gk, null).ifPresent(c -> lists.putIfAbsent(key(c), c));
        });
        LiveObjects live = new LiveObjects(cluster);
        for (ResourceDefinitionContext c : lists.values()) {
            Map<ResourceId, Map<String, Object>> atVersion =
                    scan.byVersion.computeIfAbsent(key(c), k -> new HashMap<>());
            for (GenericKubernetesResource r : list(live, c, keep)) {
                String ns = c.isNamespaceScoped() ? r.getMetadata().getNamespace() : null;
                if (ns != null && !keep.contains(ns)) continue;
                ResourceId id = ResourceId.of(
                        c.getGroup(), c.getKind(), ns, r.getMetadata().getName());
                Map<String, Object> o = LiveMaps.of(r);
                atVersion.put(id, o);
                scan.objects.putIfAbsent(id, o);
            }
        }
        return scan;
    }

    /** "group/version/Kind" of a list. */
    private static String key(ResourceDefinitionContext c) {
        return c.getGroup() + "/" + c.getVersion() + "/" + c.getKind();
    }

    /**
     * The live object as listed at {@code apiVersion} (what the tree compares against), else at the version it was
     * listed at.
     */
    Map<String, Object> live(ResourceId id, String apiVersion) {
        Map<ResourceId, Map<String, Object>> atVersion =
                byVersion.get(id.group() + "/" + versionOf(apiVersion) + "/" + id.kind());
        Map<String, Object> o = atVersion == null ? null : atVersion.get(id);
        return o != null ? o : objects.get(id);
    }

    /**
     * How to address a kind: by the cluster's CRD (at {@code version} when it serves it, else its storage version),
     * else by the table of built-in kinds; empty when the cluster does not serve the kind.
     */
    private Optional<ResourceDefinitionContext> context(GroupKind gk, String version) {
        CustomResourceDefinition crd = crds.get(gk);
        if (crd != null) {
            List<CustomResourceDefinitionVersion> versions = crd.getSpec().getVersions();
            String v = versions.stream()
                    .filter(x -> x.getName().equals(version) && !Boolean.FALSE.equals(x.getServed()))
                    .findFirst()
                    .or(() -> versions.stream()
                            .filter(x -> Boolean.TRUE.equals(x.getStorage()))
                            .findFirst())
                    .or(() -> versions.stream().findFirst())
                    .map(CustomResourceDefinitionVersion::getName)
                    .orElse(null);
            if (v == null) return Optional.empty();
            return Optional.of(context(
                    gk,
                    v,
                    crd.getSpec().getNames().getPlural(),
                    !"Cluster".equals(crd.getSpec().getScope())));
        }
        return KindTable.builtins()
                .lookup(gk)
                .filter(KindTable.KindInfo::builtin)
                .map(info -> context(gk, version, info.plural(), info.scope() != Scope.CLUSTER));
    }

    private static ResourceDefinitionContext context(GroupKind gk, String version, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(gk.group())
                .withVersion(version)
                .withKind(gk.kind())
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }

    private static String versionOf(String apiVersion) {
        return apiVersion == null ? null : apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    private static List<GenericKubernetesResource> list(
            LiveObjects live, ResourceDefinitionContext kind, Set<String> namespaces) {
        try {
            return live.listEverywhere(kind);
        } catch (ClusterException e) {
            if (e.kind() != ClusterException.Kind.FORBIDDEN || !kind.isNamespaceScoped()) throw e;
            List<GenericKubernetesResource> out = new ArrayList<>();
            for (String ns : namespaces.stream().sorted().toList()) out.addAll(live.list(kind, ns));
            return out;
        }
    }

    /** The scope of a kind: the tree's knowledge first, else the cluster's CRDs, else namespaced. */
    Scope scopeOf(GroupKind gk, Scope known) {
        if (known != Scope.UNKNOWN) return known;
        CustomResourceDefinition crd = crds.get(gk);
        return crd == null ? Scope.NAMESPACED : Scope.ofCrdScope(crd.getSpec().getScope());
    }

    /** Every object listed, each once. */
    Map<ResourceId, Map<String, Object>> objects() {
        return objects;
    }
}
