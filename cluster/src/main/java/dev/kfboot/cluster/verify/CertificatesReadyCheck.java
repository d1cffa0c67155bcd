package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.health.Health;
import dev.kfboot.cluster.health.HealthChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every cert-manager Certificate the apps request is Ready (webhooks serve with them). */
public final class CertificatesReadyCheck implements Check {

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
        List<String> problems = new ArrayList<>();
        for (ManagedResource c : certs) {
            Map<String, Object> live = ctx.live(c);
            if (live == null) {
                problems.add(c.id() + ": missing");
                continue;
            }
            Health h = HealthChecks.standard().of(live).orElseThrow();
            if (!h.isHealthy()) problems.add(c.id() + ": " + h);
        }
        return CheckResult.of(this, certs.size(), problems, "certificates");
    }
}
