package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A cert-manager Certificate is healthy when Ready, progressing while issuing, degraded when not Ready. */
public final class CertificateHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("cert-manager.io", "Certificate");
    }

    @Override
    public Health check(Map<String, Object> c) {
        var issuing = Conditions.find(c, "Issuing");
        if (issuing.isPresent() && "True".equals(Fields.string(issuing.get(), "status"))) {
            return Health.progressing(Conditions.describe(issuing.get()));
        }
        var ready = Conditions.find(c, "Ready");
        if (ready.isEmpty()) return Health.progressing("Waiting for certificate");
        String why = Conditions.describe(ready.get());
        return "True".equals(Fields.string(ready.get(), "status")) ? Health.healthy(why) : Health.degraded(why);
    }
}
