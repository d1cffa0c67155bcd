package dev.kfboot.spec;

import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code spec.exposure.gatewayAPI}: expose the central dashboard through an existing Gateway API Gateway
 * (kgateway or any implementation, seed 003) with an HTTPRoute, beside or instead of the Istio ingress gateway.
 *
 * @param mode     BESIDE routes to the Istio ingress gateway, so oauth2-proxy and Dex keep authenticating;
 *                 INSTEAD routes straight to the dashboard, and the Gateway must authenticate
 * @param crdsFrom the extra app that installs the Gateway API CRDs, {@code cluster} when the cluster already
 *                 has them, or null when unknown (plan then warns that no app provides them)
 */
public record GatewayExposure(
        String gatewayName,
        String gatewayNamespace,
        String sectionName,
        List<String> hostnames,
        Mode mode,
        String crdsFrom,
        Location location) {

    /** The app that carries the route. */
    public static final String APP = "gateway-route";

    public static final String CLUSTER = "cluster";
    public static final List<GroupKind> GATEWAY_API_KINDS = List.of(
            new GroupKind("gateway.networking.k8s.io", "Gateway"),
            new GroupKind("gateway.networking.k8s.io", "HTTPRoute"),
            new GroupKind("gateway.networking.k8s.io", "GRPCRoute"),
            new GroupKind("gateway.networking.k8s.io", "ReferenceGrant"),
            new GroupKind("gateway.networking.k8s.io", "GatewayClass"));

    /** Where the route sends traffic. */
    public enum Mode {
        BESIDE("istio-install", "istio-system", "istio-ingressgateway", 80),
        INSTEAD("centraldashboard", "kubeflow", "centraldashboard", 80);

        final String component;
        final String namespace;
        final String service;
        final int port;

        Mode(String component, String namespace, String service, int port) {
            this.component = component;
            this.namespace = namespace;
            this.service = service;
            this.port = port;
        }

        public String component() {
            return component;
        }

        public String namespace() {
            return namespace;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GatewayExposure {
        hostnames = List.copyOf(hostnames);
    }

    /** The HTTPRoute, in the namespace of its backend so no ReferenceGrant is needed. */
    public Map<String, Object> route() {
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("group", "gateway.networking.k8s.io");
        parent.put("kind", "Gateway");
        parent.put("name", gatewayName);
        parent.put("namespace", gatewayNamespace);
        if (sectionName != null) parent.put("sectionName", sectionName);
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", mode.service);
        backend.put("port", mode.port);
        Map<String, Object> path = new LinkedHashMap<>();
        path.put("type", "PathPrefix");
        path.put("value", "/");
        Map<String, Object> match = Map.of("path", path);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("matches", List.of(match));
        rule.put("backendRefs", List.of(backend));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("parentRefs", List.of(parent));
        if (!hostnames.isEmpty()) spec.put("hostnames", hostnames);
        spec.put("rules", List.of(rule));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "kubeflow-dashboard");
        meta.put("namespace", mode.namespace);
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/managed-by", "kfboot");
        labels.put("app.kubernetes.io/part-of", "kubeflow");
        meta.put("labels", labels);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "gateway.networking.k8s.io/v1");
        doc.put("kind", "HTTPRoute");
        doc.put("metadata", meta);
        doc.put("spec", spec);
        return doc;
    }
}
