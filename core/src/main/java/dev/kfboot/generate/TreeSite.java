package dev.kfboot.generate;

/**
 * Where the generated tree itself lives in git: what the root Application and the overlay-backed children
 * read. {@code path} is the tree's directory inside the repository ("" for its root).
 */
public record TreeSite(String repoURL, String revision, String path) {

    public TreeSite {
        path = RepoPaths.clean(path);
    }

    /** A path inside the tree, as a path inside the repository. */
    public String resolve(String inTree) {
        return RepoPaths.join(path, inTree);
    }
}
