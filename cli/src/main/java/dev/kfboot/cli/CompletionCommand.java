package dev.kfboot.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kfboot completion bash|zsh|fish}: a shell completion script for every command and option. bash and zsh get
 * picocli's {@link AutoComplete} script (it loads bashcompinit under zsh); fish, which picocli does not write, gets
 * {@code complete} lines made from the same command model.
 */
@Command(
        name = "completion",
        header = "Print a shell completion script (bash, zsh or fish).",
        description = {
            "Print a shell completion script (bash, zsh or fish) for every command and option.",
            "",
            "bash:  source <(kfboot completion bash)        (or save it in /etc/bash_completion.d/kfboot)",
            "zsh:   source <(kfboot completion zsh)         (in ~/.zshrc)",
            "fish:  kfboot completion fish > ~/.config/fish/completions/kfboot.fish"
        },
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:unknown shell"})
public final class CompletionCommand implements Callable<Integer> {

    enum Shell {
        bash,
        zsh,
        fish
    }

    @Parameters(index = "0", paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        CommandLine all = KfbootCommand.commandLine();
        PrintWriter out = command.commandLine().getOut();
        out.print(shell == Shell.fish ? fish(all) : AutoComplete.bash("kfboot", all));
        out.flush();
        return ExitCodes.OK;
    }

    static String fish(CommandLine root) {
        StringBuilder b = new StringBuilder("# fish completion for kfboot (kfboot completion fish)\n");
        b.append("complete -c kfboot -f\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.name().equals(e.getKey())) continue; // aliases complete as their command
            b.append("complete -c kfboot -n __fish_use_subcommand -a ")
                    .append(e.getKey())
                    .append(" -d ")
                    .append(quote(summary(sub)))
                    .append('\n');
            for (OptionSpec o : sub.options()) {
                if (o.hidden()) continue;
                b.append("complete -c kfboot -n '__fish_seen_subcommand_from ")
                        .append(e.getKey())
                        .append("'");
                for (String name : o.names()) {
                    b.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
                }
                if (o.arity().max() > 0) b.append(" -r");
                if (o.completionCandidates() != null) {
                    StringBuilder values = new StringBuilder();
                    o.completionCandidates()
                            .forEach(v -> values.append(values.length() == 0 ? "" : " ")
                                    .append(v));
                    b.append(" -a ").append(quote(values.toString()));
                }
                String d = o.description().length == 0 ? "" : o.description()[0];
                b.append(" -d ")
                        .append(quote(d.replaceAll("\\$\\{[A-Z-]+}", "")
                                .replaceAll("\\s+", " ")
                                .strip()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String summary(CommandSpec c) {
        String[] header = c.usageMessage().header();
        String[] description = c.usageMessage().description();
        String s = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
