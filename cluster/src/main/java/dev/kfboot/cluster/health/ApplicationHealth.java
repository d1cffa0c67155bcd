package dev.kfboot.cluster.health;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import java.util.Map;

/**
 * An Argo CD Application is as healthy as it reports itself, and Progressing until it reports: the same rule
 * as the Lua check kfboot installs into argocd-cm ({@code install-argocd}), without which a parent app does not
 * wait for its children.
 */
public final class ApplicationHealth implements HealthCheck {

    @Override
    public GroupKind kind() {
        return ArgoCd.APPLICATION;
    }

    @Override
    public Health check(Map<String, Object> a) {
        String status = Fields.string(a, "status", "health", "status");
        if (status == null) return Health.progressing("");
        return new Health(HealthStatus.parse(status), Fields.string(a, "status", "health", "message"));
    }
}
