package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import java.util.List;

/** Every CRD the apps ship is Established, so its custom resources can be created. */
public final class CrdsEstablishedCheck implements Check<VerifyContext> {

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
        return CheckResult.counted(this, crds.size(), ctx.notHealthy(crds), "CRDs");
    }
}
