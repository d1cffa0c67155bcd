package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import java.util.List;

/** Every Deployment, StatefulSet and DaemonSet the apps manage is rolled out and ready. */
public final class WorkloadsReadyCheck implements Check<VerifyContext> {

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
        return CheckResult.counted(this, workloads.size(), ctx.notHealthy(workloads), "workloads");
    }
}
