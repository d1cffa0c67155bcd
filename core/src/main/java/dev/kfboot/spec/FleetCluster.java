package dev.kfboot.spec;

import dev.kfboot.model.Location;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code spec.clusters} entry: a cluster of a fleet, which {@code generate --applicationset} installs the
 * platform on. {@code labels} are copied onto the Applications generated for it.
 */
public record FleetCluster(String name, String server, Map<String, String> labels, Location location) {

    public FleetCluster {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
