package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.SafePrintWriter;
import dev.kfboot.cli.TreeCheckoutOptions;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.deploy.DeployTree;
import dev.kfboot.cluster.watch.AppWatcher;
import dev.kfboot.cluster.watch.WatchStep;
import dev.kfboot.cluster.watch.WaveProgress;
import dev.kfboot.model.SafeText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot watch}: live progress per wave until everything is healthy, something failed, or time is up. */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = {
            "Follow the Applications live, wave by wave.",
            "",
            "Follows them until all are Synced and Healthy, one fails, or --timeout.",
            "",
            "With DIR (an app-of-apps tree) it follows the tree's applications, also those not "
                    + "created yet, as during a deploy; without, the applications that exist.",
            "",
            "On a terminal it redraws one progress line per wave; otherwise (or with --plain) "
                    + "it prints a line for each change. Driven by one informer's events: nothing polls."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every application is Synced and Healthy",
            "2:unusable settings (kubeconfig, context)",
            "3:an application's sync failed, the timeout passed first, or the cluster failed"
        })
public final class WatchCommand extends ClusterCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Follow the applications of this tree.")
    Path dir;

    @Option(names = "--plain", description = "One line per change, even on a terminal.")
    boolean plain;

    @Option(names = "--env", paramLabel = "NAME", description = "With DIR: follow environment NAME of the tree.")
    String env;

    @Mixin
    TreeCheckoutOptions checkout;

    private Set<String> expected;

    @Override
    protected void validate() {
        if (dir != null) {
            expected = new TreeSet<>();
            DeployTree.read(dir, cluster.namespace(), env, checkout.checkout())
                    .apps()
                    .forEach(a -> expected.add(a.name()));
        }
    }

    private final Map<String, String> shown = new HashMap<>();
    private final Map<Integer, Boolean> waveDone = new HashMap<>();
    private long start;

    @Override
    protected String timeoutMeaning() {
        return "for every app to be Synced and Healthy before giving up (exit 3)";
    }

    @Override
    protected int run(Cluster c) throws InterruptedException {
        boolean live = !plain && System.console() != null;
        start = System.nanoTime();
        try (AppStore store = openStore(c)) {
            WatchStep last = new AppWatcher(store, System::nanoTime).run(expected, cluster.timeout(), step -> {
                if (live) redraw(step);
                else lines(step);
            });
            switch (last.outcome()) {
                case FAILED ->
                    throw new CommandFailure(
                            ExitCodes.CLUSTER,
                            "sync of " + last.failed().name() + " failed: " + last.reason(),
                            "see `kfboot describe " + last.failed().name() + "`; after fixing the cause, `kfboot sync "
                                    + last.failed().name() + "`");
                case TIMED_OUT ->
                    throw new CommandFailure(
                            ExitCodes.CLUSTER,
                            "not Synced and Healthy after " + cluster.timeout().toSeconds() + "s: "
                                    + (last.notReady().isEmpty()
                                            ? "no Applications in " + c.argoNamespace()
                                            : String.join(", ", last.notReady())),
                            "`kfboot status` shows where each stands; raise --timeout to wait longer");
                default -> {
                    out().println(StatusView.summary(last.apps()));
                    out().flush();
                    return ExitCodes.OK;
                }
            }
        }
    }

    /** Plain output: each app's state when it first shows or changes, and each wave when it completes. */
    private void lines(WatchStep step) {
        for (AppStatus a : step.apps()) {
            String state = StatusView.state(a);
            String before = shown.put(a.name(), state);
            if (!state.equals(before)) {
                out().println(elapsed() + " wave " + a.wave() + " " + a.name() + ": "
                        + (before == null ? "" : before + " -> ") + state);
            }
        }
        for (WaveProgress w : step.waves()) {
            Boolean was = waveDone.put(w.wave(), w.done());
            if (w.done() && !Boolean.TRUE.equals(was)) {
                out().println(elapsed() + " wave " + w.wave() + ": all "
                        + w.apps().size() + " apps Synced and Healthy");
            }
        }
        out().flush();
    }

    /** Terminal output: the screen redrawn with one progress bar per wave and the apps still on their way. */
    private void redraw(WatchStep step) {
        SafePrintWriter.raw(out(), "\033[H\033[2J");
        StringBuilder sb = new StringBuilder();
        sb.append("kfboot watch  ")
                .append(elapsed())
                .append("  ")
                .append(StatusView.summary(step.apps()))
                .append("\n\n");
        for (WaveProgress w : step.waves()) {
            int n = w.apps().size();
            int filled = (int) Math.round(20.0 * w.ready() / n);
            sb.append(String.format(
                    "wave %-3d [%s%s] %d/%d%n", w.wave(), "#".repeat(filled), ".".repeat(20 - filled), w.ready(), n));
            for (AppStatus a : w.pending()) {
                sb.append("    ")
                        .append(SafeText.forTerminal(a.name()))
                        .append(": ")
                        .append(SafeText.forTerminal(StatusView.state(a)))
                        .append('\n');
            }
        }
        out().print(sb);
        out().flush();
    }

    private String elapsed() {
        return "+" + DeployPrinter.seconds(Duration.ofNanos(System.nanoTime() - start));
    }
}
