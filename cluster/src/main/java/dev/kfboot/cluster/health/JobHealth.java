package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A Job is healthy when it completed, degraded when it failed, progressing (or suspended) until then. */
public final class JobHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("batch", "Job");
    }

    @Override
    public Health check(Map<String, Object> j) {
        var failed = Conditions.find(j, "Failed");
        if (failed.isPresent() && "True".equals(Fields.string(failed.get(), "status"))) {
            return Health.degraded(Conditions.describe(failed.get()));
        }
        var complete = Conditions.find(j, "Complete");
        if (complete.isPresent() && "True".equals(Fields.string(complete.get(), "status"))) {
            return Health.healthy(Conditions.describe(complete.get()));
        }
        if (Fields.bool(j, "spec", "suspend")) return Health.suspended("job is suspended");
        return Health.progressing("job is running: " + Fields.number(j, 0, "status", "active") + " active pods");
    }
}
