package dev.kfboot.generate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.spec.App;
import dev.kfboot.spec.Repo;
import dev.kfboot.spec.ResolvedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a tree written to a directory will live in git. Fork layout: in the platform's repository
 * ({@code spec.repo}), at the directory's place in the checkout. Standalone: in the repository named by
 * {@code spec.argocd.repo}, else the checkout's {@code origin}; at the directory's place in the checkout, else
 * at the repository's root. An explicit path wins over both.
 */
public final class TreeSites {

    /** The site, and warnings about the checkout (upstream paths the fork does not have). */
    public record Resolved(TreeSite site, List<Finding> findings) {}

    private TreeSites() {}

    /** @param pathInRepo the tree's directory inside its repository, or null to find it */
    public static Resolved resolve(Layout layout, ResolvedPlatform platform, Path out, String pathInRepo) {
        Optional<GitCheckout> git = GitCheckout.of(out);
        Repo tree = platform.spec().argocd().treeRepo();
        String path = pathInRepo != null
                ? pathInRepo
                : tree.path() != null
                        ? tree.path()
                        : git.map(g -> g.pathOf(out)).orElse(null);
        Location spec = platform.spec().source().known()
                ? Location.of(platform.spec().source().file())
                : Location.NONE;
        List<Finding> findings = new ArrayList<>();
        if (layout == Layout.FORK) {
            if (path == null) {
                throw new InputException(
                        Location.of(out.toString()),
                        "not inside a git checkout, so kfboot cannot tell "
                                + "where the tree sits in your kubeflow/manifests fork",
                        "generate into a directory of your fork's checkout, or pass --path-in-repo PATH (e.g. argocd)");
            }
            git.ifPresent(g -> findings.addAll(missingUpstreamPaths(g, platform)));
            return new Resolved(
                    new TreeSite(platform.repo().url(), platform.repo().revision(), path), findings);
        }
        String url = tree.url() != null
                ? tree.url()
                : git.map(GitCheckout::originUrl).orElse(null);
        if (url == null) {
            throw new InputException(
                    spec,
                    "the standalone layout needs the URL of the repository the tree is pushed to",
                    "set spec.argocd.repo.url, or generate inside a clone that has an origin remote");
        }
        String revision = tree.revision() != null
                ? tree.revision()
                : git.map(GitCheckout::branch).orElse("HEAD");
        return new Resolved(
                new TreeSite(url, revision == null ? "HEAD" : revision, path == null ? "" : path), findings);
    }

    private static List<Finding> missingUpstreamPaths(GitCheckout git, ResolvedPlatform platform) {
        List<Finding> out = new ArrayList<>();
        Path manifests = git.workTree()
                .resolve(
                        platform.repo().path().isEmpty() ? "." : platform.repo().path());
        for (App a : platform.apps()) {
            for (String p : a.variant().paths()) {
                if (!Files.isDirectory(manifests.resolve(p))) {
                    out.add(Finding.warning(
                            "path-not-in-checkout",
                            a.id(),
                            "the checkout at " + git.workTree() + " has no "
                                    + RepoPaths.join(platform.repo().path(), p),
                            "generate the fork layout inside a kubeflow/manifests " + platform.release()
                                    + " checkout, or set spec.repo.path to where the manifests sit"));
                }
            }
        }
        return out;
    }
}
