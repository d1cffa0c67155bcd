package dev.kfboot.cluster.health;

import dev.kfboot.model.GroupKind;
import java.util.Map;

/** An APIService is healthy when Available; until then aggregated API calls fail. */
public final class ApiServiceHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("apiregistration.k8s.io", "APIService");
    }

    @Override
    public Health check(Map<String, Object> a) {
        var available = Conditions.find(a, "Available");
        if (available.isEmpty()) return Health.progressing("Waiting to be processed");
        String why = Conditions.describe(available.get());
        return Conditions.isTrue(a, "Available") ? Health.healthy(why) : Health.progressing(why);
    }
}
