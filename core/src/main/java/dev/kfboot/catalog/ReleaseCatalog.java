package dev.kfboot.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What kfboot knows about one kubeflow/manifests release.
 *
 * @param repo     the upstream repository URL
 * @param revision the git tag of the release
 * @param commit   the commit the facts were rendered from
 * @param kubernetes the oldest Kubernetes the release supports, and why; null when the catalog names none
 */
public record ReleaseCatalog(String release, String repo, String revision, String commit,
                             KubernetesRequirement kubernetes, List<Component> components) {

    public ReleaseCatalog {
        components = List.copyOf(components);
    }

    public Optional<Component> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<String> componentIds() {
        return components.stream().map(Component::id).toList();
    }

    /** The release's default set: what its example/kustomization.yaml installs. */
    public List<Component> exampleComponents() {
        return components.stream().filter(Component::example).toList();
    }
}
