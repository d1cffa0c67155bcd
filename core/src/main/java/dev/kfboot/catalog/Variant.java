package dev.kfboot.catalog;

import dev.kfboot.model.ResourceId;
import java.util.List;

/**
 * One way to install a component: kustomize paths relative to the manifests root, kustomize Components applied
 * on top (kfboot writes a local overlay for those), and objects of other components this variant ships its own
 * copy of ({@code supersedes}): the Istio ambient overlays render their own istio-system and kubeflow
 * Namespaces, which then win over istio-namespace's and kubeflow-namespace's copies (kfboot drops those with
 * an overlay patch, instead of two apps fighting over one Namespace).
 */
public record Variant(
        String name, String description, List<String> paths, List<String> components, List<Supersede> supersedes) {

    /** An object of {@code component} that this variant renders itself. */
    public record Supersede(String component, ResourceId object) {}

    public Variant {
        paths = List.copyOf(paths);
        components = components == null ? List.of() : List.copyOf(components);
        supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
        description = description == null ? "" : description;
    }

    public Variant(String name, String description, List<String> paths, List<String> components) {
        this(name, description, paths, components, List.of());
    }
}
