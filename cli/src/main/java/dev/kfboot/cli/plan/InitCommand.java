package dev.kfboot.cli.plan;

import dev.kfboot.catalog.CatalogFile;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.TreeCatalog;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.validate.FindingsPrinter;
import dev.kfboot.files.AtomicFiles;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.spec.PlatformTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kfboot init}: a commented default platform.yaml to start from. */
@Command(
        name = "init",
        header = "Write a commented platform.yaml to start from.",
        mixinStandardHelpOptions = true,
        description =
                "Write a commented default platform spec (the release's example set, optional components listed); "
                        + "with --upstream, of that tree's release, derived from its example "
                        + "when kfboot has no catalog for it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "2:the file exists (use --force) or cannot be written; unknown release; no upstream tree",
            "4:internal error"
        })
public final class InitCommand implements Callable<Integer> {

    @Option(
            names = {"-f", "--out"},
            paramLabel = "FILE",
            defaultValue = "platform.yaml",
            description = "Where to write it; - for stdout (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(
            names = "--release",
            paramLabel = "RELEASE",
            description = "kubeflow/manifests release (default: the newest known).")
    String release;

    @Option(
            names = "--upstream",
            paramLabel = "DIR",
            description =
                    "Write the spec of this kubeflow/manifests tree's release: the release it is (git tag or commit, "
                            + "README version table), or, for a tree kfboot has no catalog for, "
                            + "the components derived from its "
                            + "example/kustomization.yaml (the spec then names no release and takes the tree's).")
    Path upstream;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description =
                    "A user catalog (kfboot catalog scan --out FILE) of a release kfboot does not ship; repeatable. "
                            + "The user catalog directory ($XDG_CONFIG_HOME/kfboot/catalogs) is read too.")
    List<Path> catalogFiles = new ArrayList<>();

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Catalogs catalogs = CatalogFile.withUserCatalogs(Catalogs.builtin(), CatalogFile.userDirectory(), catalogFiles);
        ReleaseCatalog catalog;
        if (upstream != null) {
            if (!Files.isDirectory(upstream)) {
                throw new InputException(
                        Location.of(upstream.toString()),
                        "upstream directory not found",
                        "pass --upstream with a kubeflow/manifests (kubeflow/community-distribution) checkout");
            }
            TreeCatalog tc = catalogs.forTree(upstream);
            if (release != null && !release.equals(tc.release())) {
                throw new InputException(
                        Location.of(upstream.toString()),
                        "--release " + release + " contradicts the tree's release " + tc.release(),
                        "leave --release out to write the tree's spec");
            }
            catalog = tc.catalog();
            FindingsPrinter.print(tc.notes(), command.commandLine().getErr());
        } else {
            catalog = catalogs.release(release == null ? catalogs.defaultRelease() : release);
        }
        String text = PlatformTemplate.write(catalog);
        if (output.equals("-")) {
            command.commandLine().getOut().print(text);
            command.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path target = Path.of(output);
        if (Files.exists(target) && !force) {
            throw new InputException(
                    Location.of(output), "file exists", "pass --force to overwrite it, or --out another file");
        }
        AtomicFiles.write(target, text);
        command.commandLine().getErr().println("wrote " + output);
        return ExitCodes.OK;
    }
}
