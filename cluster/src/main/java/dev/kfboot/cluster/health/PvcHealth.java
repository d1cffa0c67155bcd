package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A PersistentVolumeClaim is healthy once bound, degraded when its volume is lost. */
public final class PvcHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("", "PersistentVolumeClaim");
    }

    @Override
    public Health check(Map<String, Object> p) {
        String phase = Fields.string(p, "status", "phase");
        if (phase == null) return Health.progressing("waiting for the claim to be processed");
        return switch (phase) {
            case "Bound" -> Health.healthy("");
            case "Lost" -> Health.degraded("the bound volume is lost");
            case "Pending" -> Health.progressing("waiting for a volume to be bound");
            default -> new Health(HealthStatus.UNKNOWN, "phase " + phase);
        };
    }
}
