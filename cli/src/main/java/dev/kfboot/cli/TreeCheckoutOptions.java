package dev.kfboot.cli;

import dev.kfboot.cluster.deploy.DeployTree;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a tree's repository and the other repositories its Applications name are checked out: what makes a source
 * local. For every command that reads a tree ({@code validate}, {@code report}, {@code adopt}, {@code deploy},
 * {@code watch}).
 */
public final class TreeCheckoutOptions {

    @Option(
            names = "--repo-root",
            paramLabel = "DIR",
            description = "Where source paths of this repository resolve (default: the git top-level of DIR; without "
                    + "git, DIR itself: nothing above it is read unless named here).")
    Path repoRoot;

    @Option(
            names = "--source",
            paramLabel = "URL=DIR",
            description = "A local checkout of another repository the tree's sources name (repeatable).")
    Map<String, Path> sources = new LinkedHashMap<>();

    @Option(
            names = "--repo-url",
            paramLabel = "URL",
            description = "The URL of the checkout at the repository root, when git does not tell it (no origin): only "
                    + "sources with this repoURL (or the origin's) are read from it; other repositories are "
                    + "unverified.")
    String repoUrl;

    /** The {@code --source} checkouts, each refused unless it is a directory. */
    Map<String, Path> sources() {
        for (Map.Entry<String, Path> s : sources.entrySet()) {
            if (!Files.isDirectory(s.getValue())) {
                throw new InputException(
                        Location.of(s.getValue().toString()),
                        "--source " + s.getKey() + "=" + s.getValue() + ": not a directory",
                        "pass a local checkout of " + s.getKey());
            }
        }
        return sources;
    }

    /** The same, for the cluster commands' tree reading. */
    public DeployTree.Checkout checkout() {
        return new DeployTree.Checkout(repoRoot, sources(), repoUrl);
    }
}
