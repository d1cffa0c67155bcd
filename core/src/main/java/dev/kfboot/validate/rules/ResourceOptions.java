package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.inventory.KubeObject;
import java.util.Arrays;

/**
 * The sync options one object sets for itself ({@code argocd.argoproj.io/sync-options: "Prune=false,Delete=false"}).
 */
final class ResourceOptions {

    private ResourceOptions() {}

    static boolean has(KubeObject o, String option) {
        String v = o.annotation(ArgoCd.SYNC_OPTIONS);
        return v != null && Arrays.stream(v.split(",")).map(String::trim).anyMatch(option::equals);
    }
}
