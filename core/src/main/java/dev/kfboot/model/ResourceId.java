package dev.kfboot.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One object's identity: group, kind, namespace (null when cluster-scoped or not set) and name. Printed
 * kubectl style everywhere: {@code -n kubeflow deployment.apps/ml-pipeline},
 * {@code clusterrole.rbac.authorization.k8s.io/kubeflow-metacontroller}.
 */
public record ResourceId(GroupKind groupKind, String namespace, String name) implements Comparable<ResourceId> {

    private static final Comparator<ResourceId> ORDER = Comparator.comparing(ResourceId::groupKind)
            .thenComparing(r -> r.namespace == null ? "" : r.namespace)
            .thenComparing(ResourceId::name);

    public ResourceId {
        namespace = namespace == null || namespace.isEmpty() ? null : namespace;
        name = name == null ? "" : name;
    }

    public static ResourceId of(String group, String kind, String namespace, String name) {
        return new ResourceId(new GroupKind(group, kind), namespace, name);
    }

    public ResourceId withNamespace(String ns) {
        return new ResourceId(groupKind, ns, name);
    }

    public String kind() {
        return groupKind.kind();
    }

    public String group() {
        return groupKind.group();
    }

    /**
     * Mixes the fields with a large odd multiplier: the record default (31 per field) collides for the same
     * names across numbered namespaces (profile namespaces, generated trees), degrading hash maps to trees.
     */
    @Override
    public int hashCode() {
        int h = groupKind.hashCode();
        h = h * 0x9E3779B1 + (namespace == null ? 0 : namespace.hashCode());
        h = h * 0x9E3779B1 + name.hashCode();
        return h ^ (h >>> 15);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId r
                && name.equals(r.name)
                && Objects.equals(namespace, r.namespace)
                && groupKind.equals(r.groupKind);
    }

    @Override
    public String toString() {
        String base = groupKind.kubectlName() + "/" + name;
        return namespace == null ? base : "-n " + namespace + " " + base;
    }

    @Override
    public int compareTo(ResourceId o) {
        return ORDER.compare(this, o);
    }
}
