package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.FailureReport;
import dev.kfboot.cli.RunReport;
import dev.kfboot.cli.Structured;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.SyncRequest;
import dev.kfboot.cluster.deploy.Step;
import dev.kfboot.cluster.deploy.Syncer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot sync}: sync apps now, in wave order, through the Application's operation field. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Sync applications now, in wave order.",
            "",
            "Each wave's syncs start together, the next wave waits until "
                    + "they are Synced and Healthy (unless --async).",
            "",
            "The options map to Argo CD's sync operation: --prune deletes what the source no longer has, --force "
                    + "deletes and re-creates what cannot be patched, --replace and "
                    + "--server-side set the Replace=true and "
                    + "ServerSideApply=true sync options. A sync that is already running is waited for, not repeated."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every app synced and is Synced and Healthy (with --async: every sync started)",
            "2:unusable input: no app named, an unknown app, kubeconfig or context",
            "3:a sync failed or timed out, or the cluster failed"
        })
public final class SyncCommand extends ClusterCommand {

    enum Format {
        text,
        json,
        yaml
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                    + "with json or yaml the progress lines go to stderr and the run is "
                    + "printed at the end, also when it fails.")
    Format format;

    /** What {@code sync --async -o json} prints: the syncs started, one per app. */
    record Started(String namespace, List<Syncer.Started> started) {}

    @Parameters(paramLabel = "APP", arity = "0..*", description = "Applications to sync.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Sync every application.")
    boolean all;

    @Option(names = "--wave", paramLabel = "N", description = "Sync the applications of wave N.")
    Integer wave;

    @Option(names = "--prune", description = "Delete objects the source no longer has.")
    boolean prune;

    @Option(names = "--force", description = "Delete and re-create objects that cannot be patched.")
    boolean force;

    @Option(names = "--replace", description = "Sync option Replace=true: replace objects instead of applying.")
    boolean replace;

    @Option(names = "--server-side", description = "Sync option ServerSideApply=true.")
    boolean serverSide;

    @Option(names = "--async", description = "Start the syncs and return without waiting.")
    boolean async;

    @Override
    protected void validate() {
        int ways = (names.isEmpty() ? 0 : 1) + (all ? 1 : 0) + (wave != null ? 1 : 0);
        if (ways != 1) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    ways == 0 ? "nothing to sync" : "name apps, or --all, or --wave N: only one of them",
                    "kfboot sync APP..., kfboot sync --all or kfboot sync --wave N");
        }
    }

    @Override
    protected String timeoutMeaning() {
        return "for each wave of the synced apps to be Synced and Healthy, per wave";
    }

    @Override
    protected int run(Cluster c) throws InterruptedException {
        SyncRequest request = new SyncRequest(prune, force, replace, serverSide, null, null, null);
        try (AppStore store = openStore(c)) {
            Syncer syncer = new Syncer(new Applications(c), store, Clock.systemUTC());
            List<AppStatus> chosen = syncer.select(new Syncer.Selection(names, wave, all));
            String runId = syncer.runId();
            if (async) return printStarted(c, syncer.start(chosen, request, runId));
            boolean text = format == Format.text;
            RunReport.Recorder recorder = new RunReport.Recorder(Clock.systemUTC());
            DeployPrinter printer = new DeployPrinter(text ? out() : err(), Clock.systemUTC());
            Step last = syncer.run(chosen, request, cluster.timeout(), runId, RunReport.both(printer, recorder));
            if (!text) {
                out().print(Structured.write(
                        recorder.report("sync", c.argoNamespace(), last, false), format == Format.yaml));
                out().flush();
            }
            if (last.outcome() != Step.Outcome.DONE) {
                FailureReport.print(last, err());
                throw FailureReport.failure(
                        last,
                        "kfboot sync "
                                + String.join(
                                        " ",
                                        chosen.stream().map(AppStatus::name).toList()));
            }
            if (text) out().println("synced " + chosen.size() + " application" + (chosen.size() == 1 ? "" : "s"));
            out().flush();
            return ExitCodes.OK;
        }
    }

    private int printStarted(Cluster c, List<Syncer.Started> started) {
        if (format != Format.text) {
            out().print(Structured.write(new Started(c.argoNamespace(), started), format == Format.yaml));
        } else {
            for (Syncer.Started s : started) out().println("wave " + s.wave() + " " + s.app() + ": " + s.message());
        }
        out().flush();
        return ExitCodes.OK;
    }
}
