package dev.kfboot.spec;

/**
 * Where the child Applications' sources live.
 *
 * @param url      git URL of the repository holding the manifests tree
 * @param revision branch, tag or commit
 * @param path     where the kubeflow/manifests tree sits inside that repository ("" for its root)
 */
public record Repo(String url, String revision, String path) {

    public Repo {
        path = path == null ? "" : path;
    }
}
