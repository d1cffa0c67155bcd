package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import java.util.List;

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
        return CheckResult.of(this, crds.size(), ctx.notHealthy(crds), "CRDs");
    }
}
