package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A StatefulSet is healthy once its spec is observed, every replica is ready and the rolling update is complete. */
public final class StatefulSetHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("apps", "StatefulSet");
    }

    @Override
    public Health check(Map<String, Object> s) {
        long generation = Fields.number(s, 0, "metadata", "generation");
        long observed = Fields.number(s, 0, "status", "observedGeneration");
        if (observed == 0 || generation > observed) {
            return Health.progressing("Waiting for statefulset spec update to be observed...");
        }
        long replicas = Fields.number(s, 1, "spec", "replicas");
        long ready = Fields.number(s, 0, "status", "readyReplicas");
        if (ready < replicas) {
            return Health.progressing("Waiting for " + (replicas - ready) + " pods to be ready...");
        }
        if ("OnDelete".equals(Fields.string(s, "spec", "updateStrategy", "type"))) {
            return Health.healthy("statefulset has " + ready + " ready pods");
        }
        long partition = Fields.number(s, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
        if (partition > 0) {
            long updated = Fields.number(s, 0, "status", "updatedReplicas");
            if (updated < replicas - partition) {
                return Health.progressing("Waiting for partitioned roll out to finish: " + updated + " out of "
                        + (replicas - partition) + " new pods have been updated...");
            }
            return Health.healthy("partitioned roll out complete: " + updated + " new pods have been updated...");
        }
        String current = Fields.string(s, "status", "currentRevision");
        String update = Fields.string(s, "status", "updateRevision");
        if (update != null && !update.equals(current)) {
            return Health.progressing("waiting for statefulset rolling update to complete "
                    + Fields.number(s, 0, "status", "updatedReplicas") + " pods at revision " + update + "...");
        }
        return Health.healthy("statefulset rolling update complete " + Fields.number(s, 0, "status", "currentReplicas")
                + " pods at revision " + current + "...");
    }
}
