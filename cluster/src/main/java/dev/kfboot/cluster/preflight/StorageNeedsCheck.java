package dev.kfboot.cluster.preflight;

import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The PVC storage the platform's components request (the release README's figures), reported as a figure: the API
 * shows no free capacity of a storage backend, so there is nothing on the cluster to check it against.
 */
public final class StorageNeedsCheck implements Check<PreflightContext> {

    @Override
    public String id() {
        return "pvc-storage";
    }

    @Override
    public String title() {
        return "PVC storage the platform requests";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        List<String> parts = new ArrayList<>();
        ctx.needs().storageByApp().forEach((app, gb) -> parts.add(app + " " + gb));
        int total = ctx.needs().total().storageGB();
        String detail = total == 0
                ? "none"
                : total + " GB (" + String.join(", ", parts) + "); the storage backend must have room";
        return CheckResult.of(this, CheckStatus.INFO, detail, null);
    }
}
