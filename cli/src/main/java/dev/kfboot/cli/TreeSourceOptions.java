package dev.kfboot.cli;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.validate.AppSetExpander;
import dev.kfboot.validate.ValidateOptions;
import dev.kfboot.validate.ValidateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a tree's sources are checked out and where renders are cached: for {@code validate} and {@code report DIR}. */
public final class TreeSourceOptions {

    @Mixin
    TreeCheckoutOptions checkout;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Render cache directory (default: $XDG_CACHE_HOME/kfboot, else ~/.cache/kfboot).")
    public Path cacheDir;

    @Option(names = "--no-cache", description = "Render every app fresh; read and write no cache.")
    public boolean noCache;

    @Option(
            names = "--release",
            paramLabel = "RELEASE",
            description =
                    "The kubeflow/manifests release the tree installs (default: recognised from what it renders).")
    String release;

    @Option(
            names = "--helm-cache",
            paramLabel = "DIR",
            description = "Charts of chart repositories and OCI registries, laid out by repository URL "
                    + "(DIR/<host>/<path>/<chart>-<version>.tgz, or the repository's index.yaml and archives).")
    Path helmCache;

    @Option(
            names = "--cluster",
            paramLabel = "NAME=URL[,label=value]",
            description = "A cluster for ApplicationSet clusters generators, besides the tree's "
                    + "cluster Secrets (repeatable).")
    List<String> clusters = new ArrayList<>();

    @Option(
            names = "--argocd-namespace",
            paramLabel = "NS",
            description = "Argo CD's namespace, which exists by definition (default: the namespaces "
                    + "of the tree's Applications).")
    String argocdNamespace;

    /** Reading options; the rules turned on and off come from the command. */
    public ValidateOptions options(Set<String> disabled, Set<String> enabled) {
        List<AppSetExpander.Cluster> parsed = new ArrayList<>();
        for (String c : clusters) {
            try {
                parsed.add(AppSetExpander.Cluster.parse(c));
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        Location.NONE,
                        "--cluster " + c + ": " + e.getMessage(),
                        "write --cluster NAME=URL or --cluster NAME=URL,label=value");
            }
        }
        if (helmCache != null && !Files.isDirectory(helmCache)) {
            throw new InputException(
                    Location.of(helmCache.toString()),
                    "--helm-cache: not a directory",
                    "pass the directory the charts are laid out in");
        }
        return new ValidateOptions(checkout.repoUrl, helmCache, parsed, argocdNamespace, disabled, enabled);
    }

    public ValidateRequest request(Path dir, RenderOptions render) {
        Path cache = noCache ? null : cacheDir != null ? cacheDir : defaultCacheDir();
        return new ValidateRequest(dir, checkout.repoRoot, checkout.sources(), render, cache, release)
                .withOptions(options(Set.of(), Set.of()));
    }

    /** $XDG_CACHE_HOME/kfboot, else ~/.cache/kfboot. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv());
    }

    public static Path defaultCacheDir(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("kfboot");
    }
}
