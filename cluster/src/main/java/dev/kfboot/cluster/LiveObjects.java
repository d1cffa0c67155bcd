package dev.kfboot.cluster;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.model.ResourceId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches the live objects behind a list of resource references with one list request per kind and namespace
 * (a component such as pipelines manages 133 objects of 20 kinds), through discovery for custom kinds. A kind
 * the server does not know (its CRD is gone) reads as all missing.
 */
public final class LiveObjects {

    private final Cluster cluster;

    public LiveObjects(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The live object of each reference as a plain map; absent from the map when missing. */
    public Map<ResourceId, Map<String, Object>> fetch(List<ManagedResource> refs) {
        Map<String, List<ManagedResource>> groups = new LinkedHashMap<>();
        for (ManagedResource r : refs) {
            groups.computeIfAbsent(
                            r.apiVersion() + "|" + r.id().kind() + "|" + Objects.toString(r.id().namespace(), ""),
                            k -> new ArrayList<>())
                    .add(r);
        }
        Map<ResourceId, Map<String, Object>> out = new HashMap<>();
        for (List<ManagedResource> group : groups.values()) {
            ManagedResource first = group.get(0);
            Map<String, GenericKubernetesResource> byName = new HashMap<>();
            for (GenericKubernetesResource o :
                    list(first.apiVersion(), first.id().kind(), first.id().namespace())) {
                byName.put(o.getMetadata().getName(), o);
            }
            for (ManagedResource r : group) {
                GenericKubernetesResource live = byName.get(r.id().name());
                if (live != null) out.put(r.id(), LiveMaps.of(live));
            }
        }
        return out;
    }

    /** One object, or null when it (or its kind) does not exist. */
    public Map<String, Object> get(String apiVersion, String kind, String namespace, String name) {
        try {
            var ops = cluster.client().genericKubernetesResources(apiVersion, kind);
            GenericKubernetesResource o = namespace == null
                    ? ops.withName(name).get()
                    : ops.inNamespace(namespace).withName(name).get();
            return o == null ? null : LiveMaps.of(o);
        } catch (RuntimeException e) {
            if (unknownKind(e)) return null;
            throw ClusterErrors.translate(e, "reading " + kind + " " + name, cluster.server());
        }
    }

    public List<GenericKubernetesResource> list(String apiVersion, String kind, String namespace) {
        try {
            var ops = cluster.client().genericKubernetesResources(apiVersion, kind);
            return namespace == null
                    ? ops.list().getItems()
                    : ops.inNamespace(namespace).list().getItems();
        } catch (RuntimeException e) {
            if (unknownKind(e)) return List.of();
            throw ClusterErrors.translate(
                    e, "listing " + kind + (namespace == null ? "" : " in " + namespace), cluster.server());
        }
    }

    /**
     * Every object of a kind, addressed without discovery: across all namespaces for a namespaced kind, the cluster's
     * for a cluster-scoped one. Empty when the server does not serve the kind.
     */
    public List<GenericKubernetesResource> listEverywhere(ResourceDefinitionContext kind) {
        return list(kind, null);
    }

    /** The objects of a kind in one namespace ({@code null}: everywhere), addressed without discovery. */
    public List<GenericKubernetesResource> list(ResourceDefinitionContext kind, String namespace) {
        try {
            var ops = cluster.client().genericKubernetesResources(kind);
            if (!kind.isNamespaceScoped()) return ops.list().getItems();
            return namespace == null
                    ? ops.inAnyNamespace().list().getItems()
                    : ops.inNamespace(namespace).list().getItems();
        } catch (RuntimeException e) {
            if (unknownKind(e)) return List.of();
            throw ClusterErrors.translate(
                    e,
                    "listing " + kind.getKind() + (namespace == null ? " in all namespaces" : " in " + namespace),
                    cluster.server());
        }
    }

    private static boolean unknownKind(RuntimeException e) {
        if (ClusterErrors.code(e) == 404) return true;
        // fabric8 answers a kind that discovery does not know with this message, before any request
        String m = String.valueOf(e.getMessage());
        return e instanceof KubernetesClientException && m.contains("resource of kind");
    }
}
