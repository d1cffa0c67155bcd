package dev.kfboot.spec;

import dev.kfboot.model.Location;

import java.util.List;

/**
 * One {@code spec.components} entry: it enables or disables a component, picks a variant, adds declared
 * dependencies or pins a wave. Null fields were not given.
 */
public record ComponentSetting(String name, Boolean enabled, String variant, List<String> dependsOn, Integer wave,
                               Location location) {

    public ComponentSetting {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
