package dev.kfboot.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
        Path file = dev.kfboot.testing.UpstreamData.repoRoot().resolve("docs/CLI.md");
        if (Boolean.getBoolean("kfboot.golden.update")) Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        assertThat(Files.readString(file)).as("docs/CLI.md is stale: run the tests with -Dkfboot.golden.update=true")
                .isEqualTo(md.toString());
    }

    private static void append(CommandLine cmd, StringBuilder md) {
        if (cmd.getCommandName().equals("help")) return;
        CommandLine.Help.Ansi ansi = CommandLine.Help.Ansi.OFF;
        md.append("\n## ").append(cmd.getCommandSpec().qualifiedName()).append("\n\n```text\n")
                .append(cmd.getUsageMessage(ansi).stripTrailing()).append("\n```\n");
        for (CommandLine sub : cmd.getSubcommands().values()) append(sub, md);
    }
}
