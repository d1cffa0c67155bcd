package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import java.util.List;

/** Every cert-manager Certificate the apps request is Ready (webhooks serve with them). */
public final class CertificatesReadyCheck implements Check<VerifyContext> {

    @Override
    public String id() {
        return "certificates-ready";
    }

    @Override
    public String title() {
        return "cert-manager Certificates are Ready";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<ManagedResource> certs = ctx.managed(r -> r.is("cert-manager.io", "Certificate"));
        return CheckResult.counted(this, certs.size(), ctx.notHealthy(certs), "certificates");
    }
}
