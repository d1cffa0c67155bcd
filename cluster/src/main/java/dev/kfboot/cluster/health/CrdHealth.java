package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A CustomResourceDefinition is healthy once its names are accepted and it is Established. */
public final class CrdHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition");
    }

    @Override
    public Health check(Map<String, Object> c) {
        if (Fields.has(c, "metadata", "deletionTimestamp")) return Health.progressing("CRD is terminating");
        var names = Conditions.find(c, "NamesAccepted");
        if (names.isPresent() && "False".equals(Fields.string(names.get(), "status"))) {
            return Health.degraded(Conditions.describe(names.get()));
        }
        var nonStructural = Conditions.find(c, "NonStructuralSchema");
        if (nonStructural.isPresent() && "True".equals(Fields.string(nonStructural.get(), "status"))) {
            return Health.degraded(Conditions.describe(nonStructural.get()));
        }
        if (Conditions.isTrue(c, "Established")) return Health.healthy("CRD is established");
        var established = Conditions.find(c, "Established");
        return Health.progressing(established
                .map(Conditions::describe)
                .filter(s -> !s.isEmpty())
                .orElse("waiting for the CRD to be established"));
    }
}
