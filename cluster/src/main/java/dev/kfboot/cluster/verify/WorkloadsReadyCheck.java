package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.health.Health;
import dev.kfboot.cluster.health.HealthChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every Deployment, StatefulSet and DaemonSet the apps manage is rolled out and ready. */
public final class WorkloadsReadyCheck implements Check {

    @Override
    public String id() {
        return "workloads-ready";
    }

    @Override
    public String title() {
        return "Deployments, StatefulSets and DaemonSets are ready";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<ManagedResource> workloads = ctx.managed(r -> r.id().group().equals("apps")
                && List.of("Deployment", "StatefulSet", "DaemonSet").contains(r.id().kind()));
        List<String> problems = new ArrayList<>();
        for (ManagedResource w : workloads) {
            Map<String, Object> live = ctx.live(w);
            if (live == null) {
                problems.add(w.id() + ": missing");
                continue;
            }
            Health h = HealthChecks.standard().of(live).orElseThrow();
            if (!h.isHealthy()) problems.add(w.id() + ": " + h);
        }
        return CheckResult.of(this, workloads.size(), problems, "workloads");
    }
}
