package dev.kfboot.cli;

import dev.kfboot.files.AtomicFiles;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.spec.PlatformTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kfboot init}: a commented default platform.yaml to start from. */
@Command(name = "init",
        header = "Write a commented platform.yaml to start from.",
        mixinStandardHelpOptions = true,
        description = "Write a commented default platform spec (the release's example set, optional components listed).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:the file exists (use --force) or cannot be written; unknown release", "4:internal error"})
public final class InitCommand implements Callable<Integer> {

    @Option(names = {"-f", "--out"}, paramLabel = "FILE", defaultValue = "platform.yaml",
            description = "Where to write it; - for stdout (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--release", paramLabel = "RELEASE", description = "kubeflow/manifests release (default: the newest known).")
    String release;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Spec CommandSpec command;

    @Override
    public Integer call() {
        Catalogs catalogs = Catalogs.builtin();
        String text = PlatformTemplate.write(catalogs.release(release == null ? catalogs.defaultRelease() : release));
        if (output.equals("-")) {
            command.commandLine().getOut().print(text);
            command.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path target = Path.of(output);
        if (Files.exists(target) && !force) {
            throw new InputException(Location.of(output), "file exists", "pass --force to overwrite it, or --out another file");
        }
        AtomicFiles.write(target, text);
        command.commandLine().getErr().println("wrote " + output);
        return ExitCodes.OK;
    }
}
