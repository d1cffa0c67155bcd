package dev.kfboot.cli.plan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kfboot catalog}: what kfboot knows about each release. */
@Command(
        name = "catalog",
        header = "List, show or rescan what kfboot knows about each release.",
        mixinStandardHelpOptions = true,
        description = "List the components of a release, show one, or regenerate the committed facts.",
        subcommands = {CatalogListCommand.class, CatalogShowCommand.class, CatalogScanCommand.class})
public final class CatalogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
