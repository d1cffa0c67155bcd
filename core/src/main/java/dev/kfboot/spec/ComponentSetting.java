package dev.kfboot.spec;

import dev.kfboot.model.Location;
import java.util.List;

/**
 * One {@code spec.components} entry: it enables or disables a component, picks a variant, adds declared
 * dependencies, pins a wave or overrides the sync mode. Null fields were not given.
 *
 * @param sync {@link SyncMode} for this component's Application; null takes {@code spec.syncPolicy}
 */
public record ComponentSetting(
        String name,
        Boolean enabled,
        String variant,
        List<String> dependsOn,
        Integer wave,
        SyncMode sync,
        Location location) {

    public ComponentSetting {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public ComponentSetting(
            String name, Boolean enabled, String variant, List<String> dependsOn, Integer wave, Location location) {
        this(name, enabled, variant, dependsOn, wave, null, location);
    }
}
