package dev.kfboot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code kfboot} command; it only holds the subcommands and the global flags. */
@Command(name = "kfboot",
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
            "4:internal error (a bug: please report it with --debug output)"},
        subcommands = {
            DemoCommand.class,
            InitCommand.class,
            PlanCommand.class,
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
            picocli.CommandLine.HelpCommand.class
        })
public final class KfbootCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces for internal errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
