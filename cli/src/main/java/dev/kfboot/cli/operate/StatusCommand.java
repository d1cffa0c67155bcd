package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kfboot status}: every Application with its wave, sync, health, revision and last operation. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show where every Argo CD Application stands.",
            "",
            "Wave, sync, health, revision, last operation, whether automated "
                    + "sync is on or gave up on a revision, and the most telling message.",
            "",
            "Exit status: 0 only when every Application is Synced and Healthy, else 1, so a script or CI step can "
                    + "gate on it (unlike `argocd app list`, which exits 0 either way; add `|| "
                    + "true` for a plain listing).",
            "",
            "Reads through one informer (a list, then a watch), so it costs the same for 5 apps or 1,000."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every application is Synced and Healthy",
            "1:some application is not (or there are none)",
            "2:unusable settings (kubeconfig, context)",
            ClusterCommand.CLUSTER_FAILED
        })
public final class StatusCommand extends ClusterCommand {

    enum Format {
        text,
        json,
        yaml
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    protected int run(Cluster c) {
        List<AppStatus> apps;
        try (AppStore store = openStore(c)) {
            apps = store.snapshot();
        }
        if (format != Format.text) {
            out().print(Structured.write(StatusView.document(c.argoNamespace(), apps), format == Format.yaml));
        } else if (apps.isEmpty()) {
            err().println("no Applications in namespace " + c.argoNamespace()
                    + " (deploy with `kfboot deploy DIR`, or check --namespace)");
        } else {
            out().print(StatusView.table(apps));
            out().println();
            out().println(StatusView.summary(apps));
        }
        out().flush();
        boolean ok = !apps.isEmpty() && apps.stream().allMatch(AppStatus::syncedAndHealthy);
        return ok ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
