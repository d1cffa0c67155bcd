package dev.kfboot.cluster.preflight;

import dev.kfboot.cluster.ClusterException;
import java.util.ArrayList;
import java.util.List;

/** Runs the checklist in its fixed order. A check the user's RBAC forbids becomes a warning row, not an abort. */
public final class Preflight {

    public static final List<PreflightCheck> CHECKS = List.of(
            new KubernetesVersionCheck(),
            new NodeCapacityCheck(),
            new DefaultStorageClassCheck(),
            new StorageNeedsCheck(),
            new ForeignOwnerCheck(),
            new EarlierInstallCheck(),
            new ArgoCdInstalledCheck(),
            new AppHealthCheckConfiguredCheck());

    private Preflight() {}

    public static List<PreflightResult> run(PreflightContext ctx) {
        List<PreflightResult> out = new ArrayList<>();
        for (PreflightCheck c : CHECKS) {
            try {
                out.add(c.run(ctx));
            } catch (ClusterException e) {
                if (e.kind() != ClusterException.Kind.FORBIDDEN) throw e;
                out.add(PreflightResult.of(c, Status.WARN, "not checked: " + e.getMessage(), e.hint()));
            }
        }
        return out;
    }
}
