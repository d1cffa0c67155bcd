package dev.kfboot.cluster.ops;

import dev.kfboot.cluster.LiveObjects;
import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.health.Health;
import dev.kfboot.cluster.health.HealthChecks;
import dev.kfboot.cluster.health.HealthStatus;
import dev.kfboot.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An app's objects with their health by kfboot's checks, read live (Argo CD 3 no longer stores it per resource).
 *
 * @param health null when kfboot has no check for the kind (it only has to exist)
 */
public record ResourceHealth(ManagedResource resource, boolean exists, Health health) {

    public static List<ResourceHealth> of(List<ManagedResource> resources, LiveObjects live) {
        Map<ResourceId, Map<String, Object>> objects = live.fetch(resources);
        List<ResourceHealth> out = new ArrayList<>();
        for (ManagedResource r : resources) {
            Map<String, Object> o = objects.get(r.id());
            Health h = o == null
                    ? new Health(HealthStatus.MISSING, "not found in the cluster")
                    : HealthChecks.standard().of(o).orElse(null);
            out.add(new ResourceHealth(r, o != null, h));
        }
        return out;
    }

    /** "Healthy", "Progressing", ... or "-" when the kind has no check. */
    public String label() {
        return health == null ? "-" : health.status().label();
    }
}
