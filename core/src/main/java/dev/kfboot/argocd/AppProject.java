package dev.kfboot.argocd;

import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Location;
import java.util.List;

/** An Argo CD AppProject: what its applications may read and where they may write. */
public record AppProject(
        String name,
        String namespace,
        List<String> sourceRepos,
        List<Destination> destinations,
        List<GroupKind> clusterResourceWhitelist,
        List<GroupKind> namespaceResourceWhitelist,
        Location location) {

    /** One {@code spec.destinations} entry. */
    public record Destination(String server, String name, String namespace) {}

    public AppProject {
        sourceRepos = List.copyOf(sourceRepos);
        destinations = List.copyOf(destinations);
        clusterResourceWhitelist = List.copyOf(clusterResourceWhitelist);
        namespaceResourceWhitelist = List.copyOf(namespaceResourceWhitelist);
    }
}
