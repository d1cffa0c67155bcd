package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A Deployment is healthy once its current generation is rolled out and every updated replica is available. */
public final class DeploymentHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("apps", "Deployment");
    }

    @Override
    public Health check(Map<String, Object> d) {
        if (Fields.bool(d, "spec", "paused")) return Health.suspended("Deployment is paused");
        long generation = Fields.number(d, 0, "metadata", "generation");
        long observed = Fields.number(d, 0, "status", "observedGeneration");
        if (generation > observed) {
            return Health.progressing(
                    "Waiting for rollout to finish: observed deployment generation less than desired generation");
        }
        var progressing = Conditions.find(d, "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(Fields.string(progressing.get(), "reason"))) {
            return Health.degraded(
                    "Deployment \"" + Fields.string(d, "metadata", "name") + "\" exceeded its progress deadline");
        }
        long replicas = Fields.number(d, 1, "spec", "replicas");
        long updated = Fields.number(d, 0, "status", "updatedReplicas");
        long current = Fields.number(d, 0, "status", "replicas");
        long available = Fields.number(d, 0, "status", "availableReplicas");
        if (updated < replicas) {
            return Health.progressing("Waiting for rollout to finish: " + updated + " out of " + replicas
                    + " new replicas have been updated...");
        }
        if (current > updated) {
            return Health.progressing("Waiting for rollout to finish: " + (current - updated)
                    + " old replicas are pending termination...");
        }
        if (available < updated) {
            return Health.progressing("Waiting for rollout to finish: " + available + " of " + updated
                    + " updated replicas are available...");
        }
        return Health.healthy("");
    }
}
