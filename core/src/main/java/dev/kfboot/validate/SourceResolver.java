package dev.kfboot.validate;

import dev.kfboot.argocd.AppSource;
import dev.kfboot.model.RepoUrls;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.yaml.YMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves each Application source to a local directory: {@code --source URL=DIR} mappings first, then the
 * tree's own repository (a URL matching its git origin or {@code --repo-url}; placeholder URLs, which mean
 * "this repository" once filled in). Any other repository is unverified: kfboot has no checkout of it, and
 * without an origin it cannot tell a path that exists here from one that exists there. Then says how Argo CD
 * would read the directory.
 */
public final class SourceResolver {

    private final RepoRoot repo;
    private final Map<String, Path> mapped = new LinkedHashMap<>();
    private final String repoUrl;

    /** @param sources repository URL to local checkout, as given with {@code --source} */
    public SourceResolver(RepoRoot repo, Map<String, Path> sources) {
        this(repo, sources, null);
    }

    /** @param repoUrl {@code --repo-url}: the URL of the checkout at the repository root; null when not given */
    public SourceResolver(RepoRoot repo, Map<String, Path> sources, String repoUrl) {
        this.repo = repo;
        this.repoUrl = repoUrl == null || repoUrl.isBlank() ? null : repoUrl;
        sources.forEach((url, dir) ->
                mapped.put(RepoUrls.normalize(url), dir.toAbsolutePath().normalize()));
    }

    /**
     * Whether a repoURL names the checkout at the repository root: its origin, {@code --repo-url}, or a placeholder.
     */
    public boolean isLocal(String url) {
        return RepoUrls.same(repo.originUrl(), url)
                || RepoUrls.same(repoUrl, url)
                || Placeholders.in(url).isPresent();
    }

    public List<ResolvedSource> resolve(TreeApp app) {
        List<ResolvedSource> out = new ArrayList<>();
        List<AppSource> sources = app.app().sources();
        for (int i = 0; i < sources.size(); i++) out.add(resolve(i, sources.get(i), app));
        return out;
    }

    private ResolvedSource resolve(int i, AppSource s, TreeApp app) {
        String url = s.repoURL();
        if (url == null || url.isBlank()) {
            return new ResolvedSource(i, s, ResolvedSource.Kind.NO_REPO, null, s.path(), "the source has no repoURL");
        }
        if (s.chart() != null) return new ResolvedSource(i, s, ResolvedSource.Kind.HELM, null, s.path(), null);
        YMap node = app.sourceNode(i).orElse(new YMap(Map.of(), 0));
        Path root = mapped.get(RepoUrls.normalize(url));
        if (s.path() == null && node.get("ref").isPresent()) {
            // a source that only lends its files to other sources' $ref/ values files
            Path checkout = root != null ? root : isLocal(url) ? repo.dir() : null;
            return new ResolvedSource(i, s, ResolvedSource.Kind.VALUES_REF, checkout, ".", null);
        }
        if (root == null) {
            if (!isLocal(url)) {
                String known = repo.originUrl() != null
                        ? "origin " + repo.originUrl()
                        : repoUrl != null ? "--repo-url " + repoUrl : "no git origin and no --repo-url";
                return new ResolvedSource(
                        i,
                        s,
                        ResolvedSource.Kind.UNMAPPED_REPO,
                        null,
                        s.path(),
                        "repository " + url + " is not this checkout (" + known
                                + ") and no --source maps it to a local checkout");
            }
            root = repo.dir();
        }
        String path = s.path() == null || s.path().isBlank() ? "." : s.path().trim();
        if (isGlob(path)) {
            return new ResolvedSource(
                    i,
                    s,
                    ResolvedSource.Kind.GLOB,
                    root,
                    path,
                    "path " + path + " contains a glob; Argo CD does not expand it and looks for a "
                            + "directory with that literal name");
        }
        Path dir = root.resolve(path).normalize();
        if (path.startsWith("/") || !dir.startsWith(root)) {
            return new ResolvedSource(
                    i,
                    s,
                    ResolvedSource.Kind.OUTSIDE_ROOT,
                    root,
                    path,
                    "path " + path + " leaves the repository; Argo CD paths are relative to the repository root");
        }
        if (Files.isDirectory(dir) && !realPath(dir).startsWith(realPath(root))) {
            // Argo CD's repo server refuses out-of-bounds symlinks; rendering it here would read outside the repository
            return new ResolvedSource(
                    i,
                    s,
                    ResolvedSource.Kind.SYMLINK_OUTSIDE,
                    root,
                    path,
                    "path " + path + " is a symbolic link that leaves the repository (to " + realPath(dir)
                            + "); Argo CD's repo server refuses out-of-bounds symlinks");
        }
        if (!Files.isDirectory(dir)) {
            return new ResolvedSource(
                    i,
                    s,
                    ResolvedSource.Kind.MISSING,
                    root,
                    path,
                    "path " + path + " does not exist in " + shown(root) + closest(root, dir));
        }
        if (KustomizationClosure.kustomizationFile(dir) != null) {
            return new ResolvedSource(i, s, ResolvedSource.Kind.KUSTOMIZE, root, path, null);
        }
        if (Files.isRegularFile(dir.resolve("Chart.yaml")))
            return new ResolvedSource(i, s, ResolvedSource.Kind.HELM, root, path, null);
        if (node.get("plugin").isPresent()) {
            return new ResolvedSource(i, s, ResolvedSource.Kind.PLUGIN, root, path, null);
        }
        return new ResolvedSource(i, s, ResolvedSource.Kind.DIRECTORY, root, path, null);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private String shown(Path root) {
        return root.equals(repo.dir()) ? "the repository (" + repo.dir() + ")" : root.toString();
    }

    private static String closest(Path root, Path dir) {
        for (Path p = dir.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isDirectory(p))
                return "; the closest existing directory is "
                        + root.relativize(p).toString().replace('\\', '/');
        }
        return "";
    }

    public static boolean isGlob(String path) {
        return path.contains("*") || path.contains("?") || path.contains("[");
    }
}
