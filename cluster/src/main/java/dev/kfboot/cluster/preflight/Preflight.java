package dev.kfboot.cluster.preflight;

import dev.kfboot.cluster.check.CheckReport;
import dev.kfboot.cluster.check.Checklist;
import java.util.List;

/** The pre-installation checklist in its fixed order. A check the user's RBAC forbids becomes a warning row. */
public final class Preflight {

    public static final Checklist<PreflightContext> CHECKLIST = Checklist.<PreflightContext>of(List.of(
                    new KubernetesVersionCheck(),
                    new NodeCapacityCheck(),
                    new DefaultStorageClassCheck(),
                    new StorageNeedsCheck(),
                    new ForeignOwnerCheck(),
                    new EarlierInstallCheck(),
                    new ArgoCdInstalledCheck(),
                    new AppHealthCheckConfiguredCheck()))
            .forbiddenAsWarning();

    private Preflight() {}

    public static CheckReport run(PreflightContext ctx) {
        return CHECKLIST.run(ctx);
    }
}
