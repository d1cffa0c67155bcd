package dev.kfboot.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What kfboot knows about one kubeflow/manifests (kubeflow/community-distribution) release.
 *
 * @param repo           the upstream repository URL
 * @param revision       the git tag of the release
 * @param commit         the commit the facts were rendered from ("" when nobody knows it)
 * @param kubernetes     the oldest Kubernetes the release supports, and why; null when the catalog names none
 * @param readmeVersions the README's component version table (manifests path, then upstream revision): how a tree
 *                       without git is recognised as this release; empty when not recorded
 * @param renames        how the components of earlier releases map onto this one's (data, per release pair)
 * @param derivedFrom    null for a catalog kept for the release; for one derived from a tree's
 *                       {@code example/kustomization.yaml}, that file
 */
public record ReleaseCatalog(
        String release,
        String repo,
        String revision,
        String commit,
        KubernetesRequirement kubernetes,
        List<Component> components,
        Map<String, String> readmeVersions,
        List<Rename> renames,
        String derivedFrom) {

    public ReleaseCatalog {
        components = List.copyOf(components);
        readmeVersions = readmeVersions == null ? Map.of() : Map.copyOf(readmeVersions);
        renames = renames == null ? List.of() : List.copyOf(renames);
        commit = commit == null ? "" : commit;
    }

    public ReleaseCatalog(
            String release,
            String repo,
            String revision,
            String commit,
            KubernetesRequirement kubernetes,
            List<Component> components) {
        this(release, repo, revision, commit, kubernetes, components, Map.of(), List.of(), null);
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

    /** Whether this catalog was derived from a tree rather than kept for a known release. */
    public boolean derived() {
        return derivedFrom != null;
    }

    /** The renames from {@code from} to this release, in catalog order. */
    public List<Rename> renamesFrom(String from) {
        return renames.stream().filter(r -> r.from().equals(from)).toList();
    }

    /** The same catalog under another name (a scanned tree named by the user). */
    public ReleaseCatalog named(String name, String newCommit) {
        return new ReleaseCatalog(
                name, repo, revision, newCommit, kubernetes, components, readmeVersions, renames, derivedFrom);
    }
}
