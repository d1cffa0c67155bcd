package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.LiveObjects;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.health.HealthChecks;
import dev.kfboot.model.ResourceId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the checks look at: the Applications, every object they manage (read live once), and the names the
 * user's installation uses for the profile namespace and the dashboard.
 */
public final class VerifyContext {

    private final Cluster cluster;
    private final List<GenericKubernetesResource> apps;
    private final List<ManagedResource> managed = new ArrayList<>();
    private final String profileNamespace;
    private final String dashboardNamespace;
    private final String dashboardService;
    private Map<ResourceId, Map<String, Object>> live;

    public VerifyContext(Cluster cluster, String profileNamespace, String dashboard) {
        this.cluster = cluster;
        this.apps = new Applications(cluster).list();
        for (GenericKubernetesResource a : apps) managed.addAll(ManagedResource.of(a));
        this.profileNamespace = profileNamespace;
        int slash = dashboard.indexOf('/');
        this.dashboardNamespace = slash < 0 ? "kubeflow" : dashboard.substring(0, slash);
        this.dashboardService = slash < 0 ? dashboard : dashboard.substring(slash + 1);
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<GenericKubernetesResource> apps() {
        return apps;
    }

    /** The managed objects that match, e.g. every Deployment. */
    public List<ManagedResource> managed(Predicate<ManagedResource> which) {
        return managed.stream().filter(which).distinct().toList();
    }

    /** The live object of a managed resource, or null when missing. */
    public Map<String, Object> live(ManagedResource r) {
        if (live == null) live = new LiveObjects(cluster).fetch(managed);
        return live.get(r.id());
    }

    /** "id: missing" or "id: Health: message" for each object that is missing or not healthy by kfboot's checks. */
    public List<String> notHealthy(List<ManagedResource> objects) {
        List<String> problems = new ArrayList<>();
        for (ManagedResource r : objects) {
            Map<String, Object> o = live(r);
            if (o == null) {
                problems.add(r.id() + ": missing");
                continue;
            }
            HealthChecks.standard().of(o).filter(h -> !h.isHealthy()).ifPresent(h -> problems.add(r.id() + ": " + h));
        }
        return problems;
    }

    /** Namespaces the apps put objects into. */
    public Set<String> namespaces() {
        Set<String> out = new TreeSet<>();
        for (ManagedResource r : managed) {
            if (r.id().namespace() != null) out.add(r.id().namespace());
            if (r.is("", "Namespace")) out.add(r.id().name());
        }
        return out;
    }

    public String profileNamespace() {
        return profileNamespace;
    }

    public String dashboardNamespace() {
        return dashboardNamespace;
    }

    public String dashboardService() {
        return dashboardService;
    }
}
