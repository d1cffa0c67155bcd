package dev.kfboot.cluster.adopt;

import dev.kfboot.model.Fields;
import dev.kfboot.model.ResourceId;
import java.util.Map;
import java.util.Set;

/**
 * Objects in a namespace that nobody installed: Kubernetes and the platform's controllers make them, and no app
 * should own them. Adopt does not list them as unmanaged.
 * <ul>
 *   <li>anything with an owner reference: ReplicaSets and Pods of Deployments, ControllerRevisions, Jobs of CronJobs,
 *       EndpointSlices of Services (the owner goes, they go)</li>
 *   <li>Events, Leases, Endpoints, EndpointSlices, ControllerRevisions, whatever their owner</li>
 *   <li>the {@code kube-root-ca.crt} ConfigMap and the {@code default} ServiceAccount of every namespace, and the
 *       token Secrets the token controller made for service accounts ({@code SA-token-xxxxx})</li>
 *   <li>Istio's {@code istio-ca-root-cert} ConfigMap (istiod writes it into every namespace) and the Secrets
 *       cert-manager issues for Certificates (annotation {@code cert-manager.io/certificate-name})</li>
 * </ul>
 */
final class ClusterMade {

    private static final Set<String> SYSTEM_KINDS =
            Set.of("Event", "Lease", "Endpoints", "EndpointSlice", "ControllerRevision");
    private static final Set<String> SYSTEM_CONFIGMAPS = Set.of("kube-root-ca.crt", "istio-ca-root-cert");

    private ClusterMade() {}

    static boolean test(ResourceId id, Map<String, Object> o) {
        if (!Fields.list(o, "metadata", "ownerReferences").isEmpty()) return true;
        if (SYSTEM_KINDS.contains(id.kind())) return true;
        if (!id.group().isEmpty()) return false;
        return switch (id.kind()) {
            case "ConfigMap" -> SYSTEM_CONFIGMAPS.contains(id.name());
            case "ServiceAccount" -> id.name().equals("default");
            case "Secret" ->
                serviceAccountToken(id, o)
                        || Fields.has(o, "metadata", "annotations", "cert-manager.io/certificate-name");
            default -> false;
        };
    }

    private static boolean serviceAccountToken(ResourceId id, Map<String, Object> o) {
        String sa = Fields.string(o, "metadata", "annotations", "kubernetes.io/service-account.name");
        return "kubernetes.io/service-account-token".equals(Fields.string(o, "type"))
                && sa != null
                && id.name().startsWith(sa + "-token-");
    }
}
