package dev.kfboot.generate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.RepoUrls;
import dev.kfboot.model.SafeText;
import dev.kfboot.spec.App;
import dev.kfboot.spec.Repo;
import dev.kfboot.spec.ResolvedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds where a tree written to a directory will live in git. Fork layout: in the platform's repository
 * ({@code spec.repo}, else the checkout's {@code origin}: the fork the tree is generated in, which its Applications
 * then read, on the checked-out branch), at the directory's place in the checkout. Standalone: in the repository
 * named by {@code spec.argocd.repo}, else the checkout's {@code origin}; at the directory's place in the checkout,
 * else at the repository's root. An explicit path wins over both. A URL is written into every Application of the
 * tree, so one with credentials in it is refused from the spec and written without them from {@code origin}.
 */
public final class TreeSites {

    /**
     * The site, the platform as the tree reads it (the fork's repository in place of upstream when the spec names
     * none), and warnings about the checkout (upstream paths the fork does not have).
     */
    public record Resolved(TreeSite site, ResolvedPlatform platform, List<Finding> findings) {}

    private TreeSites() {}

    /**
     * @param upstreams  the repositories upstream releases live in (the catalogs'), besides the platform's own
     * @param pathInRepo the tree's directory inside its repository, or null to find it
     */
    public static Resolved resolve(
            Layout layout, ResolvedPlatform platform, Set<String> upstreams, Path out, String pathInRepo) {
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
        refuseCredentials(spec, "spec.repo.url", platform.spec().repo().url());
        refuseCredentials(spec, "spec.argocd.repo.url", tree.url());
        List<Finding> findings = new ArrayList<>();
        if (layout == Layout.FORK) {
            if (path == null) {
                throw new InputException(
                        Location.of(out.toString()),
                        "not inside a git checkout, so kfboot cannot tell "
                                + "where the tree sits in your kubeflow/manifests fork",
                        "generate into a directory of your fork's checkout, or pass --path-in-repo PATH (e.g. argocd)");
            }
            Set<String> upstream = new TreeSet<>(upstreams);
            upstream.add(platform.catalog().repo());
            ResolvedPlatform fork = readingTheFork(platform, git, upstream);
            git.ifPresent(g -> findings.addAll(missingUpstreamPaths(g, fork)));
            TreeSite site = new TreeSite(fork.repo().url(), fork.repo().revision(), path);
            if (isUpstream(site.repoURL(), upstream)) findings.add(namesUpstream(site));
            return new Resolved(site, fork, findings);
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
                new TreeSite(url, revision == null ? "HEAD" : revision, path == null ? "" : path), platform, findings);
    }

    /**
     * The platform reading the fork the tree is generated in: the checkout's origin on its branch, unless the spec
     * names a repository, there is no origin, or the checkout is upstream itself (which keeps the release's URL and
     * revision).
     */
    private static ResolvedPlatform readingTheFork(
            ResolvedPlatform platform, Optional<GitCheckout> git, Set<String> upstream) {
        Repo named = platform.spec().repo();
        if (named.url() != null || git.isEmpty()) return platform;
        String origin = git.get().originUrl();
        if (origin == null || isUpstream(origin, upstream)) return platform;
        String branch = git.get().branch() != null ? git.get().branch() : "HEAD";
        return platform.withRepo(new Repo(
                origin,
                named.revision() != null ? named.revision() : branch,
                platform.repo().path()));
    }

    private static boolean isUpstream(String url, Set<String> upstream) {
        return upstream.stream().anyMatch(u -> RepoUrls.same(url, u));
    }

    /** A fork-layout tree that names upstream: Argo CD reads its root app from a repository without the tree. */
    private static Finding namesUpstream(TreeSite site) {
        return Finding.warning(
                "fork-names-upstream",
                null,
                "the tree's Applications read " + site.repoURL() + " at " + site.revision()
                        + ", the upstream repository, which does not hold " + site.resolve("apps")
                        + ": the root app cannot sync from there",
                "generate inside your fork's checkout (its origin is used), set spec.repo.url to your fork, or run "
                        + "kfboot update-repo-url --repo URL DIR once the tree is pushed");
    }

    private static void refuseCredentials(Location spec, String field, String url) {
        if (!SafeText.hasCredentials(url)) return;
        throw new InputException(
                spec,
                field + " carries credentials (" + SafeText.redactCredentials(url)
                        + "): every Application of the tree would hold them",
                "write the URL without user:token@ and give Argo CD the credentials as a repository Secret "
                        + "(argocd repo add)");
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
