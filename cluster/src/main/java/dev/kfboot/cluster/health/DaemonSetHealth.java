package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A DaemonSet is healthy once every node it should run on has an updated, available pod. */
public final class DaemonSetHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("apps", "DaemonSet");
    }

    @Override
    public Health check(Map<String, Object> d) {
        long generation = Fields.number(d, 0, "metadata", "generation");
        long observed = Fields.number(d, 0, "status", "observedGeneration");
        if (generation > observed) {
            return Health.progressing(
                    "Waiting for rollout to finish: observed daemon set generation less than desired generation");
        }
        if ("OnDelete".equals(Fields.string(d, "spec", "updateStrategy", "type"))) {
            return Health.healthy("daemon set " + Fields.number(d, 0, "status", "currentNumberScheduled") + " out of "
                    + Fields.number(d, 0, "status", "desiredNumberScheduled") + " new pods have been updated");
        }
        String name = Fields.string(d, "metadata", "name");
        long desired = Fields.number(d, 0, "status", "desiredNumberScheduled");
        long updated = Fields.number(d, 0, "status", "updatedNumberScheduled");
        long available = Fields.number(d, 0, "status", "numberAvailable");
        if (updated < desired) {
            return Health.progressing("Waiting for daemon set \"" + name + "\" rollout to finish: " + updated
                    + " out of " + desired + " new pods have been updated...");
        }
        if (available < desired) {
            return Health.progressing("Waiting for daemon set \"" + name + "\" rollout to finish: " + available + " of "
                    + desired + " updated pods are available...");
        }
        return Health.healthy("");
    }
}
