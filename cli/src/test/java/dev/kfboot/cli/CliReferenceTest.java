package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.UpstreamData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/CLI.md is generated from the commands' annotations, never written by hand: this test renders every
 * command's help into it and fails when the committed file differs ({@code -Dkfboot.golden.update=true}
 * rewrites it).
 */
class CliReferenceTest {

    @Test
    void docsCliMdIsTheHelpOfEveryCommand() throws IOException {
        CommandLine root = KfbootCommand.commandLine();
        StringBuilder md = new StringBuilder("# kfboot command reference\n\n")
                .append("Generated from the commands' annotations by `CliReferenceTest`; do not edit by hand.\n");
        append(root, md);
        Path file = UpstreamData.repoRoot().resolve("docs/CLI.md");
        if (Boolean.getBoolean("kfboot.golden.update")) Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        assertThat(Files.readString(file))
                .as("docs/CLI.md is stale: run the tests with -Dkfboot.golden.update=true")
                .isEqualTo(md.toString());
    }

    @Test
    void aCommandBuiltAloneHelpsAndParsesAsAmongAllOthers() {
        CommandLine all = KfbootCommand.commandLine();
        for (var e : all.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            CommandLine alone = KfbootCommand.commandLine(new String[] {"--debug", e.getKey(), "--help"});
            assertThat(alone.getSubcommands()).as(e.getKey()).containsOnlyKeys(e.getKey());
            assertThat(alone.getSubcommands().get(e.getKey()).getUsageMessage(CommandLine.Help.Ansi.OFF))
                    .as(e.getKey())
                    .isEqualTo(e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        assertThat(KfbootCommand.commandLine(new String[] {"help", "plan"}).getSubcommands())
                .hasSameSizeAs(all.getSubcommands());
        assertThat(KfbootCommand.commandLine(new String[] {"valdate"}).getSubcommands())
                .hasSameSizeAs(all.getSubcommands());
        assertThat(KfbootCommand.commandLine(new String[] {"--version"}).getSubcommands())
                .hasSameSizeAs(all.getSubcommands());
    }

    private static void append(CommandLine cmd, StringBuilder md) {
        if (cmd.getCommandName().equals("help")) return;
        CommandLine.Help.Ansi ansi = CommandLine.Help.Ansi.OFF;
        md.append("\n## ")
                .append(cmd.getCommandSpec().qualifiedName())
                .append("\n\n```text\n")
                .append(cmd.getUsageMessage(ansi).stripTrailing())
                .append("\n```\n");
        for (CommandLine sub : cmd.getSubcommands().values()) append(sub, md);
    }
}
