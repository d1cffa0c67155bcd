package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/** A Service is healthy at once, except a LoadBalancer, which waits for its ingress address. */
public final class ServiceHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return new GroupKind("", "Service");
    }

    @Override
    public Health check(Map<String, Object> s) {
        if ("LoadBalancer".equals(Fields.string(s, "spec", "type"))
                && Fields.list(s, "status", "loadBalancer", "ingress").isEmpty()) {
            return Health.progressing("waiting for the load balancer's address");
        }
        return Health.healthy("");
    }
}
