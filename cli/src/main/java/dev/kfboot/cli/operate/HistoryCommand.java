package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
import dev.kfboot.cli.TextTable;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.HistoryEntry;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kfboot history APP}: the deployments Argo CD made of an app. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "List the deployments Argo CD made of an application.",
            "",
            "Oldest first: the ID to give "
                    + "`kfboot rollback`, when, which revision, from which source path, started by whom."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed (also when empty)",
            "2:unusable input: an unknown app, kubeconfig or context",
            ClusterCommand.CLUSTER_FAILED
        })
public final class HistoryCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "APP", description = "The application.")
    String app;

    enum Format {
        text,
        json,
        yaml
    }

    @CommandLine.Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    /** What {@code history -o json} prints. */
    record History(String app, List<HistoryEntry> history) {}

    @Override
    protected int run(Cluster c) {
        app = appName(c, app);
        List<HistoryEntry> history = HistoryEntry.of(new Applications(c).require(app));
        if (format != Format.text) {
            out().print(Structured.write(new History(app, history), format == Format.yaml));
        } else if (history.isEmpty()) {
            out().println(app + " has no history yet: it was never synced");
        } else {
            TextTable t = new TextTable("ID", "DEPLOYED", "REVISION", "SOURCE", "BY");
            for (HistoryEntry h : history)
                t.row(h.id(), h.deployedAt(), StatusView.shortRevision(h.revision()), h.sourceLabel(), h.initiatedBy());
            out().print(t.render());
        }
        out().flush();
        return ExitCodes.OK;
    }
}
