package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks by kind. Kinds without a check have no health of their own: they count as present. */
public final class HealthChecks {

    private static final HealthChecks DEFAULT = new HealthChecks(List.of(
            new DeploymentHealth(),
            new StatefulSetHealth(),
            new DaemonSetHealth(),
            new JobHealth(),
            new PvcHealth(),
            new ServiceHealth(),
            new CrdHealth(),
            new ApiServiceHealth(),
            new CertificateHealth(),
            new ApplicationHealth()));

    private final Map<GroupKind, HealthCheck> byKind = new LinkedHashMap<>();

    public HealthChecks(List<HealthCheck> checks) {
        for (HealthCheck c : checks) byKind.put(c.kind(), c);
    }

    public static HealthChecks standard() {
        return DEFAULT;
    }

    public boolean covers(GroupKind kind) {
        return byKind.containsKey(kind);
    }

    /** The health of an object, or empty when kfboot has no check for its kind. */
    public Optional<Health> of(Map<String, Object> object) {
        GroupKind kind = GroupKind.of(Fields.string(object, "apiVersion"), Fields.string(object, "kind"));
        HealthCheck check = byKind.get(kind);
        return check == null ? Optional.empty() : Optional.of(check.check(object));
    }

    /** The health of an object that may be missing: {@code null} is Missing. */
    public Optional<Health> ofLive(Map<String, Object> objectOrNull, GroupKind kind) {
        if (objectOrNull == null) return Optional.of(new Health(HealthStatus.MISSING, "not found in the cluster"));
        return covers(kind) ? of(objectOrNull) : Optional.empty();
    }
}
