package dev.kfboot.cluster.ops;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * Forwards a local port to a Service the way kubectl does: it picks a ready pod the Service selects and
 * forwards to the container port behind the Service port (by number or by name).
 */
public final class PortForwarder {

    /** Where to forward: a Service, one of its ports, and the local port to listen on. */
    public record Target(String namespace, String service, int servicePort, int localPort, String scheme) {

        /** Argo CD's UI and API: https://localhost:8080. */
        public static Target argocd(String argoNamespace, int localPort) {
            return new Target(argoNamespace, "argocd-server", 443, localPort, "https");
        }

        /** Kubeflow's entry point, Istio's ingress gateway, over plain HTTP (seed 001: 8080:80). */
        public static Target gateway(int localPort) {
            return new Target("istio-system", "istio-ingressgateway", 80, localPort, "http");
        }
    }

    /** The pod and container port a target resolves to. */
    public record Resolved(Target target, String pod, int podPort) {}

    private final Cluster cluster;

    public PortForwarder(Cluster cluster) {
        this.cluster = cluster;
    }

    public Resolved resolve(Target t) {
        Service svc = cluster.call(
                "reading service " + t.service(),
                () -> cluster.client()
                        .services()
                        .inNamespace(t.namespace())
                        .withName(t.service())
                        .get());
        if (svc == null) {
            throw new ClusterException(
                    ClusterException.Kind.NOT_FOUND,
                    "service " + t.service() + " not found in namespace " + t.namespace(),
                    t.service().equals("argocd-server")
                            ? "install Argo CD first (`kfboot install-argocd`) or check --namespace"
                            : "deploy Kubeflow first (`kfboot deploy DIR`); the gateway comes with istio-install");
        }
        ServicePort port = svc.getSpec().getPorts().stream()
                .filter(p -> p.getPort() == t.servicePort())
                .findFirst()
                .orElseThrow(() -> new ClusterException(
                        ClusterException.Kind.NOT_FOUND,
                        "service " + t.service() + " has no port " + t.servicePort(),
                        "its ports: "
                                + svc.getSpec().getPorts().stream()
                                        .map(p -> String.valueOf(p.getPort()))
                                        .toList()));
        Map<String, String> selector = svc.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            throw new ClusterException(
                    ClusterException.Kind.FAILED,
                    "service " + t.service() + " selects no pods",
                    "forward to a pod directly with kubectl port-forward");
        }
        List<Pod> pods = cluster.call(
                "listing the pods of service " + t.service(),
                () -> cluster.client()
                        .pods()
                        .inNamespace(t.namespace())
                        .withLabels(selector)
                        .list()
                        .getItems());
        Pod pod = pods.stream()
                .filter(PortForwarder::ready)
                .findFirst()
                .orElseThrow(() -> new ClusterException(
                        ClusterException.Kind.FAILED,
                        "no ready pod behind service " + t.service() + " (" + pods.size() + " pods selected)",
                        "kubectl -n " + t.namespace() + " get pods -l " + labels(selector)));
        return new Resolved(t, pod.getMetadata().getName(), podPort(port, pod));
    }

    /** Starts forwarding; the caller closes the returned forward. */
    public LocalPortForward start(Resolved r, InetAddress address) {
        return cluster.call(
                "forwarding to pod " + r.pod(),
                () -> cluster.client()
                        .pods()
                        .inNamespace(r.target().namespace())
                        .withName(r.pod())
                        .portForward(r.podPort(), address, r.target().localPort()));
    }

    static int podPort(ServicePort port, Pod pod) {
        IntOrString target = port.getTargetPort();
        if (target == null) return port.getPort();
        if (target.getIntVal() != null) return target.getIntVal();
        for (var c : pod.getSpec().getContainers()) {
            for (ContainerPort p : c.getPorts())
                if (target.getStrVal().equals(p.getName())) return p.getContainerPort();
        }
        throw new ClusterException(
                ClusterException.Kind.FAILED,
                "pod " + pod.getMetadata().getName() + " has no container port named " + target.getStrVal(),
                null);
    }

    static boolean ready(Pod p) {
        if (p.getStatus() == null || !"Running".equals(p.getStatus().getPhase())) return false;
        for (PodCondition c : p.getStatus().getConditions())
            if ("Ready".equals(c.getType())) return "True".equals(c.getStatus());
        return false;
    }

    private static String labels(Map<String, String> selector) {
        return String.join(
                ",",
                selector.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
    }
}
