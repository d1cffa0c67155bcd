package dev.kfboot.cli.plan;

import dev.kfboot.catalog.CatalogFile;
import dev.kfboot.catalog.CatalogScanner;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.DerivedCatalog;
import dev.kfboot.catalog.FactsCodec;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.ReleaseDetection;
import dev.kfboot.catalog.ReleaseDetector;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Progress;
import dev.kfboot.cli.RenderOptionsMixin;
import dev.kfboot.cli.validate.FindingsPrinter;
import dev.kfboot.files.AtomicFiles;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kfboot catalog scan}: render every variant of a release and write the catalog and facts plan reads offline.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        header = "Render every variant of a release; write its catalog and facts.",
        description = {
            "Render every component variant of a release with kustomize and write its catalog and facts.",
            "A release kfboot ships keeps its catalog; any other tree gets one derived from its "
                    + "example/kustomization.yaml. "
                    + "The file records the tree's real commit (git HEAD; for a tree without git, the commit of the "
                    + "release its README identifies, else none).",
            "Without --out the file goes to the user catalog directory "
                    + "($XDG_CONFIG_HOME/kfboot/catalogs/RELEASE.json), "
                    + "which every command reads; --catalog FILE names one explicitly. The facts committed in the "
                    + "project are rewritten only with --update-committed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:catalog written",
            "1:a variant failed to render; nothing written",
            "2:unusable input (no --upstream, no release name for an unknown tree, no kustomize)",
            "4:internal error"
        })
public final class CatalogScanCommand implements Callable<Integer> {

    @Mixin
    RenderOptionsMixin render;

    @Option(
            names = "--release",
            paramLabel = "NAME",
            description = "Name of the release the tree is (default: the release the tree is detected as).")
    String release;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the catalog; - for stdout.")
    String out;

    @Option(
            names = "--update-committed",
            description = "Rewrite the facts committed in the kfboot checkout "
                    + "(core/src/main/resources/dev/kfboot/catalog/RELEASE.facts.json) of a release kfboot ships.")
    boolean updateCommitted;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress lines on stderr.")
    boolean quiet;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        if (render.upstream == null) {
            throw new InputException(
                    Location.NONE,
                    "catalog scan needs --upstream DIR",
                    "pass the kubeflow/manifests (kubeflow/community-distribution) tree of the release to scan");
        }
        Path tree = render.upstream;
        if (!Files.isDirectory(tree)) {
            throw new InputException(
                    Location.of(tree.toString()), "upstream directory not found", "pass a checkout of the release");
        }
        Catalogs catalogs = render.catalogs();
        ReleaseDetection detection = ReleaseDetector.detect(tree, catalogs);
        String name = release != null ? release : detection.release();
        if (name == null) {
            throw new InputException(
                    Location.of(tree.toString()),
                    "the tree is no release kfboot knows (" + detection.evidence() + ")",
                    "name it: kfboot catalog scan --upstream " + tree + " --release NAME");
        }
        if (updateCommitted && !Catalogs.builtin().knows(name)) {
            throw new InputException(
                    Location.NONE,
                    "--update-committed rewrites the facts of a release kfboot ships; " + name + " is none",
                    "drop --update-committed: the catalog goes to the user catalog directory or --out");
        }
        // the tree's own commit: git HEAD, or the commit recorded for the release its README table or files identify
        boolean fromGit = detection.evidence().startsWith("git ");
        String commit = fromGit || name.equals(detection.release()) ? detection.commit() : "";
        ReleaseCatalog catalog = catalogs.knows(name) && !catalogs.release(name).derived()
                ? catalogs.release(name)
                : DerivedCatalog.derive(tree, name, detection, catalogs.without(name))
                        .catalog();
        catalog = catalog.named(name, commit);
        PrintWriter err = command.commandLine().getErr();
        CatalogScanner.Result result =
                CatalogScanner.scan(catalog, tree, render.renderOptions(), new Progress(err, !quiet));
        if (!result.findings().isEmpty()) {
            FindingsPrinter.print(result.findings(), err);
            err.println("nothing written: " + FindingsPrinter.summary(result.findings()));
            return ExitCodes.FINDINGS;
        }
        String text = updateCommitted ? FactsCodec.write(result.facts()) : CatalogFile.write(catalog, result.facts());
        if ("-".equals(out)) {
            command.commandLine().getOut().print(text);
            command.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path target = out != null
                ? Path.of(out)
                : updateCommitted
                        ? projectFacts(name)
                        : CatalogFile.userDirectory().resolve(name + ".json");
        if (!updateCommitted && isProjectResource(target)) {
            throw new InputException(
                    Location.of(target.toString()),
                    "this is a facts file the project commits",
                    "pass --update-committed to rewrite it, or --out another file");
        }
        AtomicFiles.write(target, text);
        err.println("wrote " + target + " (release " + name + ", "
                + result.facts().objects().size() + " components, commit "
                + (commit.isEmpty() ? "unknown: the tree is not a git checkout" : commit) + ")");
        return ExitCodes.OK;
    }

    private static boolean isProjectResource(Path target) {
        String home = System.getProperty("kfboot.home");
        if (home == null) return false;
        Path dir = Path.of(home, "core/src/main/resources/dev/kfboot/catalog")
                .toAbsolutePath()
                .normalize();
        return target.toAbsolutePath().normalize().startsWith(dir);
    }

    private static Path projectFacts(String release) {
        String home = System.getProperty("kfboot.home");
        if (home == null || !Files.isDirectory(Path.of(home, "core"))) {
            throw new InputException(
                    Location.NONE,
                    "--update-committed needs a kfboot checkout (run it through ./kfboot)",
                    "pass --out FILE (or - for stdout)");
        }
        return Path.of(home, "core/src/main/resources/dev/kfboot/catalog", release + ".facts.json");
    }
}
