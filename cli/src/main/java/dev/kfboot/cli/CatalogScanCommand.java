package dev.kfboot.cli;

import dev.kfboot.files.AtomicFiles;
import dev.kfboot.catalog.CatalogScanner;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.FactsCodec;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kfboot catalog scan}: render every variant of a release and write the facts plan reads offline. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Render every component variant of a release with kustomize and write its facts file.",
            "Without --out, and when run through the ./kfboot launcher, it rewrites the facts committed in the "
                    + "project (core/src/main/resources/dev/kfboot/catalog/<release>.facts.json)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:facts written", "1:a variant failed to render; nothing written",
            "2:unusable input (no --upstream, unknown release, no kustomize)", "4:internal error"})
public final class CatalogScanCommand implements Callable<Integer> {

    @Mixin RenderOptionsMixin render;

    @Option(names = "--release", paramLabel = "RELEASE",
            description = "Release the tree is (default: the upstream directory's name when it is a known release).")
    String release;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the facts; - for stdout.")
    String out;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Spec CommandSpec command;

    @Override
    public Integer call() {
        if (render.upstream == null) {
            throw new InputException(Location.NONE, "catalog scan needs --upstream DIR",
                    "pass the kubeflow/manifests tree of the release to scan");
        }
        Catalogs catalogs = Catalogs.builtin();
        String name = release != null ? release : render.upstream.toAbsolutePath().normalize().getFileName().toString();
        ReleaseCatalog catalog = catalogs.release(name);
        PrintWriter err = command.commandLine().getErr();
        CatalogScanner.Result result = CatalogScanner.scan(catalog, render.upstream, render.renderOptions(), new Progress(err, !quiet));
        if (!result.findings().isEmpty()) {
            FindingsPrinter.print(result.findings(), err);
            err.println("nothing written: " + FindingsPrinter.summary(result.findings()));
            return ExitCodes.FINDINGS;
        }
        String text = FactsCodec.write(result.facts());
        if ("-".equals(out)) {
            command.commandLine().getOut().print(text);
            command.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path target = out != null ? Path.of(out) : projectFacts(catalog.release());
        AtomicFiles.write(target, text);
        err.println("wrote " + target + " (" + result.facts().objects().size() + " components)");
        return ExitCodes.OK;
    }

    private static Path projectFacts(String release) {
        String home = System.getProperty("kfboot.home");
        if (home == null || !Files.isDirectory(Path.of(home, "core"))) {
            throw new InputException(Location.NONE, "no --out given and not run from a kfboot checkout",
                    "pass --out FILE (or - for stdout)");
        }
        return Path.of(home, "core/src/main/resources/dev/kfboot/catalog", release + ".facts.json");
    }
}
