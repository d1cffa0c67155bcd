package dev.kfboot.cluster.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * The PVC storage the platform's components request (the release README's figures), reported as a figure: the API
 * shows no free capacity of a storage backend, so there is nothing on the cluster to check it against.
 */
public final class StorageNeedsCheck implements PreflightCheck {

    @Override
    public String id() {
        return "pvc-storage";
    }

    @Override
    public String title() {
        return "PVC storage the platform requests";
    }

    @Override
    public PreflightResult run(PreflightContext ctx) {
        List<String> parts = new ArrayList<>();
        ctx.needs().storageByApp().forEach((app, gb) -> parts.add(app + " " + gb));
        int total = ctx.needs().total().storageGB();
        String detail = total == 0
                ? "none"
                : total + " GB (" + String.join(", ", parts) + "); the storage backend must have room";
        return PreflightResult.of(this, Status.INFO, detail, null);
    }
}
