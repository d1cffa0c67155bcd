package dev.kfboot.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A component of a release.
 *
 * @param namespace the destination namespace its Application gets (objects that set none land there)
 * @param example   whether the release's example/kustomization.yaml installs it (the default set)
 * @param variants  alternatives; the first is the default
 */
public record Component(
        String id,
        String description,
        String namespace,
        boolean example,
        Requests requests,
        List<Variant> variants,
        List<DeclaredDependency> dependsOn) {

    public Component {
        variants = List.copyOf(variants);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        requests = requests == null ? Requests.NONE : requests;
    }

    public Variant defaultVariant() {
        return variants.get(0);
    }

    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public List<String> variantNames() {
        return variants.stream().map(Variant::name).toList();
    }
}
