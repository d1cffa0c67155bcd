package dev.kfboot.cli.upgrade;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.TreeCatalog;
import dev.kfboot.cli.Progress;
import dev.kfboot.cli.validate.FindingsPrinter;
import dev.kfboot.model.Finding;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.Rendering;
import dev.kfboot.upgrade.LiveFacts;
import dev.kfboot.upgrade.ReleaseTree;
import dev.kfboot.upgrade.TreeSide;
import dev.kfboot.upgrade.UpgradeAnalysis;
import dev.kfboot.upgrade.UpgradePlan;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ends of an upgrade, for {@code upgrade} and {@code generate --upgrade-from} alike: a release's
 * kubeflow/manifests tree rendered as a release, or a GitOps tree read as {@code validate} reads it, and the plan
 * between them. A side that does not render completely stops the run: its objects would show as removed.
 */
public final class UpgradeSides {

    private final RenderRunner runner;
    private final RenderOptions options;
    private final PrintWriter err;
    private final boolean quiet;

    public UpgradeSides(RenderRunner runner, RenderOptions options, PrintWriter err, boolean quiet) {
        this.runner = runner;
        this.options = options;
        this.err = err;
        this.quiet = quiet;
    }

    /** Whether a directory is a kubeflow/manifests tree (it has the example kustomization a release is read from). */
    public static boolean isManifests(Path dir) {
        return Files.isRegularFile(dir.resolve("example/kustomization.yaml"));
    }

    /** A release tree; its name as detected, else the name given, else its directory's. */
    public ReleaseTree release(Path tree, String name) {
        TreeCatalog tc = Catalogs.builtin().forTree(tree);
        String release = !tc.derived() ? tc.release() : name != null ? name : ReleaseTree.releaseOf(tree);
        if (!quiet) err.println(tree + ": " + tc.summary());
        return ReleaseTree.render(tree, release, tc.catalog(), runner, options, new Progress(err, !quiet));
    }

    /** A GitOps tree, read and rendered as validate does (sources resolved, renders cached, as the request says). */
    public ReleaseTree gitOps(ValidateRequest request) {
        var v = new Validator(Catalogs.builtin(), Rendering::run, new Progress(err, !quiet), List.of())
                .validate(request);
        String release = request.release() != null
                ? request.release()
                : v.context().catalog().catalog().map(c -> c.release()).orElse(ReleaseTree.releaseOf(request.dir()));
        if (!quiet)
            err.println(request.dir() + ": GitOps tree, " + v.apps() + " apps, " + v.objects() + " objects (" + release
                    + ")");
        return TreeSide.of(v, release);
    }

    /** The plan from {@code a} to {@code b}, or null after printing why a side cannot be trusted. */
    public UpgradePlan plan(ReleaseTree a, ReleaseTree b, LiveFacts live) {
        List<Finding> failed = new ArrayList<>(a.findings());
        failed.addAll(b.findings());
        if (!failed.isEmpty()) {
            FindingsPrinter.print(failed.stream().sorted().toList(), err);
            err.println(
                    "upgrade not planned: a side that does not render completely would show its objects as removed");
            err.flush();
            return null;
        }
        return UpgradeAnalysis.analyze(a.side(), b.side(), live);
    }
}
