package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.health.Health;
import dev.kfboot.cluster.health.HealthChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every CRD the apps ship is Established, so its custom resources can be created. */
public final class CrdsEstablishedCheck implements Check {

    @Override
    public String id() {
        return "crds-established";
    }

    @Override
    public String title() {
        return "CRDs are Established";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<ManagedResource> crds = ctx.managed(r -> r.is("apiextensions.k8s.io", "CustomResourceDefinition"));
        List<String> problems = new ArrayList<>();
        for (ManagedResource c : crds) {
            Map<String, Object> live = ctx.live(c);
            if (live == null) {
                problems.add(c.id() + ": missing");
                continue;
            }
            Health h = HealthChecks.standard().of(live).orElseThrow();
            if (!h.isHealthy()) problems.add(c.id() + ": " + h);
        }
        return CheckResult.of(this, crds.size(), problems, "CRDs");
    }
}
