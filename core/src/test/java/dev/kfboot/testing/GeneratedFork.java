package dev.kfboot.testing;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TreeGenerator;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSite;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.plan.Plan;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.ResolvedPlatform;
import java.nio.file.Path;
import java.util.List;

/**
 * A release's default platform written by {@code kfboot generate} itself (fork layout, from committed facts) into
 * {@code fork/kfboot}, as the demo writes it: the tree tests and benchmarks of validate read.
 */
public final class GeneratedFork {

    /** The directory of the fork the tree is written to. */
    public static final String TREE_DIR = "kfboot";

    private GeneratedFork() {}

    /** Writes the tree; returns its directory. */
    public static Path write(Path fork, String release) {
        Kfboot kfboot = Kfboot.quiet();
        ResolvedPlatform platform = kfboot.resolve(Platform.defaults(release));
        Plan plan = kfboot.plan(platform, Sources.facts());
        TreeSite site = new TreeSite(platform.repo().url(), platform.repo().revision(), TREE_DIR);
        GeneratedTree tree =
                TreeGenerator.generate(platform, plan, new TreeOptions(Layout.FORK, site, List.of(), false));
        Path dir = fork.resolve(TREE_DIR);
        TreeWriter.write(dir, tree, false);
        return dir;
    }

    /** The repoURL the tree's Applications name: the default platform's repository. */
    public static String repoUrl(String release) {
        return Kfboot.quiet().resolve(Platform.defaults(release)).repo().url();
    }
}
