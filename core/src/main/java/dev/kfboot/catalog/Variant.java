package dev.kfboot.catalog;

import java.util.List;

/**
 * One way to install a component: kustomize paths relative to the manifests root, and kustomize Components
 * applied on top (kfboot writes a local overlay for those).
 */
public record Variant(String name, String description, List<String> paths, List<String> components) {

    public Variant {
        paths = List.copyOf(paths);
        components = components == null ? List.of() : List.copyOf(components);
        description = description == null ? "" : description;
    }
}
