package dev.kfboot.generate;

import dev.kfboot.model.ResourceId;
import java.util.List;

/**
 * One object an upgrade tree annotates for Argo CD, to be removed once the upgrade is done.
 *
 * @param app         the child app whose overlay carries it
 * @param id          the object where it lands
 * @param syncOptions the value of its {@code argocd.argoproj.io/sync-options}
 * @param kept        whether the new release drops it and the overlay writes its old body
 * @param reasons     the upgrade plan's changes that asked for it, one line each
 */
public record UpgradeEdit(String app, ResourceId id, String syncOptions, boolean kept, List<String> reasons) {

    public UpgradeEdit {
        reasons = List.copyOf(reasons);
    }
}
