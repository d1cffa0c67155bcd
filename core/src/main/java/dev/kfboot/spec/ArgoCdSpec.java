package dev.kfboot.spec;

/**
 * {@code spec.argocd}: where Argo CD runs and how the generated tree addresses it.
 *
 * @param namespace   Argo CD's namespace, where every Application and AppProject goes
 * @param project     the AppProject of the child Applications (the root app gets {@code <project>-root})
 * @param destination the cluster the platform is installed into
 * @param treeRepo    the repository holding the generated tree in the standalone layout; null fields are
 *                    found from the git checkout of the output directory (fork layout: {@code spec.repo})
 */
public record ArgoCdSpec(String namespace, String project, ClusterRef destination, Repo treeRepo) {

    public static final ArgoCdSpec DEFAULT =
            new ArgoCdSpec("argocd", null, ClusterRef.IN_CLUSTER, new Repo(null, null, null));

    public ArgoCdSpec {
        treeRepo = treeRepo == null ? new Repo(null, null, null) : treeRepo;
    }

    /** The project, defaulting to the platform's name. */
    public String projectOr(String platformName) {
        return project != null ? project : platformName;
    }
}
