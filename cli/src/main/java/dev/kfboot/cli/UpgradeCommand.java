package dev.kfboot.cli;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.upgrade.ClusterLiveFacts;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.TreeCatalog;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.RenderCache;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.Rendering;
import dev.kfboot.upgrade.LiveFacts;
import dev.kfboot.upgrade.ReleaseTree;
import dev.kfboot.upgrade.UpgradeAnalysis;
import dev.kfboot.upgrade.UpgradeJson;
import dev.kfboot.upgrade.UpgradePlan;
import dev.kfboot.upgrade.UpgradeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kfboot upgrade}: what moving from one release to another does to each app, derived from both renders. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        header = "Plan an upgrade between two releases from their rendered manifests.",
        description = {
            "Render two kubeflow/manifests trees (every component of each example/kustomization.yaml) and list, per app "
                    + "in the target's wave order: immutable fields that change (Argo CD's apply would be refused), "
                    + "objects that go away and the data they hold, objects that move between apps or are renamed, "
                    + "CRD versions dropped from spec.versions, and ordering changes; each with its fix and the "
                    + "per-resource sync option that lets Argo CD do it by itself.",
            "",
            "--live also reads the cluster (GET and LIST only): each CRD's status.storedVersions and the custom "
                    + "resources of CRDs that go away."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the upgrade needs no human decision", "1:a human must decide (data at risk), or a render failed",
            "2:unusable input (trees, release names, no kustomize)", ClusterCommand.CLUSTER_FAILED, "4:internal error"})
public final class UpgradeCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--from-upstream", paramLabel = "DIR", description = "The kubeflow/manifests tree of the release installed now.")
    Path fromUpstream;

    @Option(names = "--to-upstream", paramLabel = "DIR", description = "The kubeflow/manifests tree of the release to upgrade to.")
    Path toUpstream;

    @Option(names = "--from", paramLabel = "RELEASE", description = "The release installed now, found under --releases.")
    String from;

    @Option(names = "--to", paramLabel = "RELEASE", description = "The release to upgrade to, found under --releases.")
    String to;

    @Option(names = "--releases", paramLabel = "DIR",
            description = "A directory with one kubeflow/manifests tree per release, named by release (for --from/--to; "
                    + "default: $KFBOOT_RELEASES).")
    Path releases;

    @Option(names = "--live", description = "Also read the cluster: stored CRD versions and custom resources of removed CRDs.")
    boolean live;

    @Mixin RenderTuning tuning;
    @Mixin ClusterOptions cluster;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Render cache directory (default: $XDG_CACHE_HOME/kfboot, else ~/.cache/kfboot).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Render every component fresh; read and write no cache.")
    boolean noCache;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "No render progress on stderr.")
    boolean quiet;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path a = tree(fromUpstream, from, "--from-upstream", "--from");
        Path b = tree(toUpstream, to, "--to-upstream", "--to");
        RenderRunner runner = noCache ? Rendering::run
                : new RenderCache(Rendering::run, cacheDir != null ? cacheDir : TreeSourceOptions.defaultCacheDir());
        Progress progress = new Progress(err, !quiet);
        // both catalogs first: a tree that is no manifests checkout stops the run before anything renders
        TreeCatalog ca = Catalogs.builtin().forTree(a);
        TreeCatalog cb = Catalogs.builtin().forTree(b);
        ReleaseTree ra = side(a, ca, from, runner, progress, err);
        ReleaseTree rb = side(b, cb, to, runner, progress, err);
        List<Finding> failed = new ArrayList<>(ra.findings());
        failed.addAll(rb.findings());
        if (!failed.isEmpty()) {
            FindingsPrinter.print(failed.stream().sorted().toList(), err);
            err.println("upgrade not planned: a release that does not render completely would show its objects as removed");
            return ExitCodes.FINDINGS;
        }
        UpgradePlan plan;
        if (live) {
            try (Cluster c = cluster.connect()) {
                plan = UpgradeAnalysis.analyze(ra.side(), rb.side(), new ClusterLiveFacts(c));
            } catch (ClusterException e) {
                throw ClusterCommand.failure(e);
            }
        } else {
            plan = UpgradeAnalysis.analyze(ra.side(), rb.side(), LiveFacts.NONE);
        }
        out.print(format == Format.json ? UpgradeJson.write(plan) + "\n" : UpgradeText.write(plan));
        out.flush();
        return plan.needsDecision() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * One release rendered: its apps are the components of its catalog (built in, or derived from the tree's example
     * by the catalog module), so app names match plan's and generate's; the release is named as detected, else by the
     * name given or the tree's directory.
     */
    private ReleaseTree side(Path tree, TreeCatalog tc, String name, RenderRunner runner, Progress progress, PrintWriter err) {
        String release = !tc.derived() ? tc.release() : name != null ? name : ReleaseTree.releaseOf(tree);
        if (!quiet) err.println(tree + ": " + tc.summary());
        return ReleaseTree.render(tree, release, tc.catalog(), runner, tuning.renderOptions(), progress);
    }

    /** The tree given as a directory, or found by release name under --releases. */
    private Path tree(Path dir, String release, String dirOption, String nameOption) {
        if (dir != null && release != null) {
            throw new CommandFailure(ExitCodes.INPUT, dirOption + " and " + nameOption + " both given",
                    "name the release's tree once: a directory with " + dirOption + ", or a release with " + nameOption);
        }
        if (dir == null && release == null) {
            throw new CommandFailure(ExitCodes.INPUT, "no " + (dirOption.startsWith("--from") ? "source" : "target") + " release",
                    "pass " + dirOption + " DIR (a kubeflow/manifests checkout) or " + nameOption + " RELEASE with --releases DIR");
        }
        if (dir == null) {
            Path base = releases != null ? releases : env("KFBOOT_RELEASES");
            if (base == null) {
                throw new CommandFailure(ExitCodes.INPUT, nameOption + " " + release + ": no directory of release trees",
                        "pass --releases DIR (one kubeflow/manifests tree per release, named by release)");
            }
            if (release.contains("/") || release.contains("\\") || release.startsWith(".")) {
                throw new CommandFailure(ExitCodes.INPUT, nameOption + " '" + release + "' is not a release name", "e.g. 26.03");
            }
            dir = base.resolve(release);
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(Location.of(dir.toString()), "release tree not found",
                    "pass a kubeflow/manifests checkout (the directory holding example/kustomization.yaml)");
        }
        return dir;
    }

    private static Path env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
