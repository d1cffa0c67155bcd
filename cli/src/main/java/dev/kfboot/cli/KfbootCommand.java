package dev.kfboot.cli;

import dev.kfboot.cli.operate.AdoptCommand;
import dev.kfboot.cli.operate.ClusterCommand;
import dev.kfboot.cli.operate.DeleteCommand;
import dev.kfboot.cli.operate.DeployCommand;
import dev.kfboot.cli.operate.DescribeCommand;
import dev.kfboot.cli.operate.DiffCommand;
import dev.kfboot.cli.operate.HistoryCommand;
import dev.kfboot.cli.operate.InstallArgoCdCommand;
import dev.kfboot.cli.operate.LogsCommand;
import dev.kfboot.cli.operate.PasswordCommand;
import dev.kfboot.cli.operate.PortForwardCommand;
import dev.kfboot.cli.operate.PreflightCommand;
import dev.kfboot.cli.operate.RefreshCommand;
import dev.kfboot.cli.operate.RollbackCommand;
import dev.kfboot.cli.operate.StatusCommand;
import dev.kfboot.cli.operate.SyncCommand;
import dev.kfboot.cli.operate.UninstallArgoCdCommand;
import dev.kfboot.cli.operate.VerifyCommand;
import dev.kfboot.cli.operate.WatchCommand;
import dev.kfboot.cli.plan.CatalogCommand;
import dev.kfboot.cli.plan.DemoCommand;
import dev.kfboot.cli.plan.GenerateCommand;
import dev.kfboot.cli.plan.InitCommand;
import dev.kfboot.cli.plan.PlanCommand;
import dev.kfboot.cli.plan.ReportCommand;
import dev.kfboot.cli.plan.SetCommand;
import dev.kfboot.cli.plan.UpdateRepoUrlCommand;
import dev.kfboot.cli.upgrade.UpgradeCommand;
import dev.kfboot.cli.validate.ValidateCommand;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code kfboot} command; it only holds the subcommands and the global flags. */
@Command(
        name = "kfboot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Plan, generate, validate and operate Kubeflow as an Argo CD app of apps.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:findings with errors (or warnings with --strict)",
            "2:unusable input (usage, spec, files, environment)",
            "3:cluster failure or timeout",
            "4:internal error (a bug: please report it with --debug output)"
        })
public final class KfbootCommand implements Runnable {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            DemoCommand.class,
            InitCommand.class,
            PlanCommand.class,
            UpgradeCommand.class,
            GenerateCommand.class,
            UpdateRepoUrlCommand.class,
            ValidateCommand.class,
            CatalogCommand.class,
            ReportCommand.class,
            SetCommand.class,
            PreflightCommand.class,
            InstallArgoCdCommand.class,
            UninstallArgoCdCommand.class,
            PasswordCommand.class,
            PortForwardCommand.class,
            AdoptCommand.class,
            DeployCommand.class,
            StatusCommand.class,
            WatchCommand.class,
            SyncCommand.class,
            RefreshCommand.class,
            DiffCommand.class,
            LogsCommand.class,
            DescribeCommand.class,
            HistoryCommand.class,
            RollbackCommand.class,
            VerifyCommand.class,
            DeleteCommand.class,
            VersionCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class);

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces for internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every subcommand: for help, usage errors and the CLI reference. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KfbootCommand());
        for (Class<?> c : SUBCOMMANDS) cli.addSubcommand(c);
        ClusterCommand.describeTimeouts(cli);
        HelpLayout.apply(cli);
        return cli;
    }

    /**
     * The command line for one run. Picocli builds a command's model from its annotations by reflection, command by
     * command: when the first word names a subcommand, only that one is built, which shortens the start-up of every
     * command. Anything else (help, a typo, no command) gets every subcommand.
     */
    static CommandLine commandLine(String[] args) {
        String word =
                Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        for (Class<?> c : SUBCOMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class
                    && (command.name().equals(word)
                            || Arrays.asList(command.aliases()).contains(word))) {
                CommandLine cli = new CommandLine(new KfbootCommand());
                cli.addSubcommand(c);
                ClusterCommand.describeTimeouts(cli);
                HelpLayout.apply(cli);
                return cli;
            }
        }
        return commandLine();
    }
}
