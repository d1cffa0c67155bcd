package dev.kfboot.spec;

import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.Variant;
import dev.kfboot.model.Location;

/**
 * One app of a resolved platform: a catalog component in the chosen variant, with its pinned wave if any.
 *
 * @param pinnedWave  null when the wave is left to the plan
 * @param setting     where the spec mentions it; {@link Location#NONE} when only the default set brings it
 * @param sync        the spec's sync mode for it; null takes {@code spec.syncPolicy}
 */
public record App(
        String id, Component component, Variant variant, Integer pinnedWave, Location setting, SyncMode sync) {

    public String namespace() {
        return component.namespace();
    }
}
