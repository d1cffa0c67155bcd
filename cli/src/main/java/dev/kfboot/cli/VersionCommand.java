package dev.kfboot.cli;

import dev.kfboot.catalog.Catalogs;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kfboot version}: what {@code --version} prints, or the same as JSON or YAML. */
@Command(
        name = "version",
        header = "Print kfboot's version and the releases it knows.",
        description = "Print kfboot's version, the Java it runs on and the kubeflow/manifests releases it knows "
                + "(as --version does, or as JSON or YAML).",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed"})
public final class VersionCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        yaml
    }

    /** What {@code version -o json} prints. */
    record Version(String kfboot, String java, List<String> releases, String defaultRelease) {}

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec command;

    static Version current() {
        Catalogs c = Catalogs.builtin();
        return new Version(
                VersionProvider.version(),
                System.getProperty("java.version"),
                List.copyOf(c.releases()),
                c.defaultRelease());
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (format == Format.text) {
            for (String line : new VersionProvider().getVersion()) out.println(line);
        } else {
            out.print(Structured.write(current(), format == Format.yaml));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
