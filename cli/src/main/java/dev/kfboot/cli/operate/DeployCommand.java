package dev.kfboot.cli.operate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.FailureReport;
import dev.kfboot.cli.RunReport;
import dev.kfboot.cli.Structured;
import dev.kfboot.cli.TreeCheckoutOptions;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.deploy.Action;
import dev.kfboot.cluster.deploy.DeployDriver;
import dev.kfboot.cluster.deploy.DeployListener;
import dev.kfboot.cluster.deploy.DeployPlan;
import dev.kfboot.cluster.deploy.DeploySimulation;
import dev.kfboot.cluster.deploy.DeployTree;
import dev.kfboot.cluster.deploy.Step;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot deploy DIR}: apply the tree's AppProjects and Applications and drive them wave by wave. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Deploy an app-of-apps tree (what kfboot generate writes) wave by wave.",
            "",
            "Applies the AppProjects, then for each sync wave: creates or updates its Applications with automated sync "
                    + "held off, starts a sync of each through the Application's operation "
                    + "field, waits until every app of "
                    + "the wave is Synced and Healthy, switches automated sync on where the "
                    + "tree has it, and goes on with "
                    + "the next wave. The apps of apps (Applications whose source deploys the tree's other "
                    + "Applications, as kfboot validate finds them) come last. "
                    + "Argo CD's own wave gating is not relied on: it only acts while the parent syncs.",
            "",
            "Running it again continues where the cluster stands: healthy waves are skipped, running operations are "
                    + "waited for, never started twice."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every wave (or the one given with --wave) is Synced and Healthy; with --dry-run: the plan printed",
            "2:unusable input: the tree, --wave, kubeconfig or context",
            "3:a wave failed or timed out (the failing apps, their conditions and last operation are printed), "
                    + "or the cluster failed: unreachable, credentials refused, API errors after retries"
        })
public final class DeployCommand extends ClusterCommand {

    @Parameters(
            index = "0",
            paramLabel = "DIR",
            description = "The app-of-apps tree: YAML files with AppProjects and Applications.")
    Path dir;

    @Option(
            names = "--dry-run",
            description = "Print what would be done, in order, from the cluster's current state; change nothing.")
    boolean dryRun;

    @Option(names = "--wave", paramLabel = "N", description = "Stop once wave N is Synced and Healthy.")
    Integer wave;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description =
                    "Deploy environment NAME of the tree (envs/NAME, rendered with kustomize) instead of the base.")
    String env;

    @Mixin
    TreeCheckoutOptions checkout;

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
                    + "with json or yaml the progress lines go to stderr and the run (or with --dry-run the plan) is "
                    + "printed at the end, also when it fails.")
    Format format;

    private DeployTree tree;

    @Override
    protected void validate() {
        tree = DeployTree.read(dir, cluster.namespace(), env, checkout.checkout());
        if (wave != null && !tree.waves().contains(wave)) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    "the tree has no wave " + wave,
                    "its waves: " + tree.waves().stream().map(String::valueOf).toList());
        }
        for (String s : tree.skipped()) err().println("kfboot: note: skipping " + s);
    }

    @Override
    protected String timeoutMeaning() {
        return "for each wave to be Synced and Healthy, per wave";
    }

    @Override
    protected int run(Cluster c) throws InterruptedException {
        DeployPlan plan = DeployPlan.of(tree, wave);
        String runId = "deploy-" + Long.toString(System.currentTimeMillis(), 36);
        try (AppStore store = openStore(c)) {
            Applications apps = new Applications(c);
            if (dryRun)
                return dryRun(new DeployDriver(apps, store, DeployListener.NONE, Clock.systemUTC()), plan, runId);
            boolean text = format == Format.text;
            PrintWriter progress = text ? out() : err();
            progress.println("deploying " + tree.apps().size() + " applications from " + dir + " into " + c.server()
                    + ", namespace " + c.argoNamespace());
            progress.flush();
            warnWithoutHealthCheck(c);
            RunReport.Recorder recorder = new RunReport.Recorder(Clock.systemUTC());
            DeployDriver driver = new DeployDriver(
                    apps,
                    store,
                    RunReport.both(new DeployPrinter(progress, Clock.systemUTC()), recorder),
                    Clock.systemUTC());
            Step last = driver.run(plan, cluster.timeout(), runId);
            if (!text) {
                out().print(Structured.write(
                        recorder.report("deploy", c.argoNamespace(), last, false), format == Format.yaml));
                out().flush();
            }
            return finish(last, text);
        }
    }

    /** kfboot does not need it, but once the app of apps takes over its waves only wait for children with it. */
    private void warnWithoutHealthCheck(Cluster c) {
        var cm = c.call(
                "reading argocd-cm",
                () -> c.client()
                        .configMaps()
                        .inNamespace(c.argoNamespace())
                        .withName("argocd-cm")
                        .get());
        if (cm == null || cm.getData() == null || !cm.getData().containsKey(ArgoCd.APP_HEALTH_KEY)) {
            err().println("kfboot: warning: argocd-cm has no argoproj.io/Application health "
                    + "check: after this deploy the app of apps' own waves will not wait for its children "
                    + "(`kfboot install-argocd` adds it)");
            err().flush();
        }
    }

    private int dryRun(DeployDriver driver, DeployPlan plan, String runId) {
        var result = DeploySimulation.run(driver.start(plan, cluster.timeout(), runId));
        if (format != Format.text) {
            RunReport.Recorder recorder = new RunReport.Recorder(Clock.systemUTC());
            for (Action a : result.actions()) recorder.executed(a, "");
            out().print(Structured.write(
                    recorder.report("deploy", cluster.namespace(), result.last(), true), format == Format.yaml));
            out().flush();
            return ExitCodes.OK;
        }
        out().println("dry run: nothing is changed; this is what kfboot deploy would do now, if every sync succeeds:");
        for (Action a : result.actions()) {
            boolean phase = a instanceof Action.StartPhase || a instanceof Action.PhaseDone;
            out().println((phase ? "" : "  ") + DeployPrinter.describe(a));
        }
        if (result.actions().stream().allMatch(a -> a instanceof Action.PhaseDone)) out().println("nothing to do");
        out().flush();
        return ExitCodes.OK;
    }

    private int finish(Step last, boolean text) {
        switch (last.outcome()) {
            case DONE -> {
                if (text) out().println("done: all " + tree.apps().size() + " applications are Synced and Healthy");
            }
            case STOPPED -> {
                if (text) out().println("stopped after wave " + wave + " as asked; run without --wave to go on");
            }
            default -> {
                FailureReport.print(last, err());
                throw FailureReport.failure(last, "kfboot deploy " + dir);
            }
        }
        out().flush();
        return ExitCodes.OK;
    }
}
