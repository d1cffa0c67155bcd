package dev.kfboot.cluster.ops;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.LiveObjects;
import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pods behind an app's workloads (Deployments, StatefulSets, DaemonSets, Jobs), found through each
 * workload's {@code spec.selector.matchLabels} in its namespace, plus pods the app manages directly.
 * Set-based selectors ({@code matchExpressions}) are not applied: every Kubeflow workload selects by labels.
 */
public final class WorkloadPods {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    private WorkloadPods() {}

    /** The pods, each with the workload that owns it ("deployment.apps/katib-controller"). */
    public static Map<Pod, String> of(Cluster cluster, List<ManagedResource> resources) {
        Map<String, Pod> byName = new LinkedHashMap<>();
        Map<Pod, String> out = new LinkedHashMap<>();
        LiveObjects live = new LiveObjects(cluster);
        for (ManagedResource r : resources) {
            String ns = r.id().namespace();
            if (r.is("", "Pod")) {
                Pod p = cluster.call(
                        "reading pod " + r.id().name(),
                        () -> cluster.client()
                                .pods()
                                .inNamespace(ns)
                                .withName(r.id().name())
                                .get());
                if (p != null && byName.putIfAbsent(ns + "/" + p.getMetadata().getName(), p) == null) out.put(p, "pod");
                continue;
            }
            if (!WORKLOADS.contains(r.id().kind()) || ns == null) continue;
            Map<String, Object> workload = live.get(r.apiVersion(), r.id().kind(), ns, r.id().name());
            if (workload == null) continue;
            Map<String, String> labels = new LinkedHashMap<>();
            Fields.map(workload, "spec", "selector", "matchLabels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
            if (labels.isEmpty()) continue;
            List<Pod> pods = cluster.call(
                    "listing the pods of " + r.id(),
                    () -> cluster.client()
                            .pods()
                            .inNamespace(ns)
                            .withLabels(labels)
                            .list()
                            .getItems());
            for (Pod p : pods) {
                if (byName.putIfAbsent(ns + "/" + p.getMetadata().getName(), p) == null) {
                    out.put(p, r.id().kind().toLowerCase() + "/" + r.id().name());
                }
            }
        }
        return out;
    }

    /** The container names of a pod, init containers first. */
    public static List<String> containers(Pod p) {
        List<String> out = new ArrayList<>();
        if (p.getSpec() == null) return out;
        p.getSpec().getInitContainers().forEach(c -> out.add(c.getName()));
        p.getSpec().getContainers().forEach(c -> out.add(c.getName()));
        return out;
    }
}
