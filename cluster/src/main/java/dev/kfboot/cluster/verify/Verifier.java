package dev.kfboot.cluster.verify;

import java.util.ArrayList;
import java.util.List;

/** Runs the checklist in its fixed order. */
public final class Verifier {

    public static final List<Check> CHECKS = List.of(
            new AppsSyncedHealthyCheck(),
            new WorkloadsReadyCheck(),
            new PodsNotFailingCheck(),
            new CrdsEstablishedCheck(),
            new WebhookCaBundleCheck(),
            new CertificatesReadyCheck(),
            new ProfileNamespaceCheck(),
            new DashboardEndpointsCheck());

    private Verifier() {}

    public static List<CheckResult> run(VerifyContext ctx) {
        List<CheckResult> out = new ArrayList<>();
        for (Check c : CHECKS) out.add(c.run(ctx));
        return out;
    }
}
