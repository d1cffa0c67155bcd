package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.check.CheckReport;
import dev.kfboot.cluster.check.Checklist;
import java.util.List;

/** The after-deployment checklist in its fixed order. */
public final class Verifier {

    public static final Checklist<VerifyContext> CHECKLIST = Checklist.of(List.of(
            new AppsSyncedHealthyCheck(),
            new WorkloadsReadyCheck(),
            new PodsNotFailingCheck(),
            new CrdsEstablishedCheck(),
            new WebhookCaBundleCheck(),
            new CertificatesReadyCheck(),
            new ProfileNamespaceCheck(),
            new DashboardEndpointsCheck()));

    private Verifier() {}

    public static CheckReport run(VerifyContext ctx) {
        return CHECKLIST.run(ctx);
    }
}
