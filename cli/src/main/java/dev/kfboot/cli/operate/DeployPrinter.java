package dev.kfboot.cli.operate;

import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.deploy.Action;
import dev.kfboot.cluster.deploy.DeployListener;
import dev.kfboot.cluster.deploy.Step;
import dev.kfboot.model.SafeText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a running deploy or sync as plain lines: each wave as it starts and ends, each action, and each change of
 * a waiting app's state. Also renders the actions of {@code --dry-run}.
 */
public final class DeployPrinter implements DeployListener {

    private final PrintWriter out;
    private final Clock clock;
    private final Map<Integer, Instant> started = new HashMap<>();
    private final Map<String, String> lastState = new HashMap<>();

    DeployPrinter(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void executed(Action a, String result) {
        if (a instanceof Action.StartPhase s) {
            started.put(s.phase().index(), clock.instant());
            out.println(SafeText.forTerminal(s.phase().label() + ": " + String.join(", ", s.apps())));
        } else if (a instanceof Action.PhaseDone d) {
            Instant since = started.get(d.phase().index());
            out.println(d.phase().label()
                    + (since == null
                            ? ": already Synced and Healthy"
                            : ": Synced and Healthy in " + seconds(Duration.between(since, clock.instant()))));
        } else {
            out.println("  " + SafeText.forTerminal(describe(a) + (result.isEmpty() ? "" : ": " + result)));
        }
        out.flush();
    }

    @Override
    public void stepped(Step step) {
        for (AppStatus s : step.waiting()) {
            String state = StatusView.state(s);
            if (!state.equals(lastState.put(s.name(), state)))
                out.println("  " + SafeText.forTerminal(s.name() + ": " + state));
        }
        out.flush();
    }

    /** What an action does, in words; the same for a run and a dry run. */
    public static String describe(Action a) {
        if (a instanceof Action.ApplyProject p) return "apply AppProject " + p.name();
        if (a instanceof Action.CreateApp c)
            return "create Application " + c.app()
                    + (c.autoSyncHeld() ? " (automated sync held until its wave is healthy)" : "");
        if (a instanceof Action.UpdateApp u)
            return "update Application " + u.app() + " to the tree's spec"
                    + (u.autoSyncHeld() ? " (automated sync held until its wave is healthy)" : "");
        if (a instanceof Action.Sync s) {
            var options = s.request().syncOptions();
            String extra = (s.request().prune() ? " prune" : "")
                    + (s.request().force() ? " force" : "")
                    + (options.isEmpty() ? "" : " " + String.join(" ", options));
            return "sync " + s.app() + (extra.isEmpty() ? "" : " (" + extra.trim() + ")");
        }
        if (a instanceof Action.EnableAutoSync e) return "switch on automated sync of " + e.app();
        if (a instanceof Action.StartPhase s) return s.phase().label() + ": " + String.join(", ", s.apps());
        if (a instanceof Action.PhaseDone d) return d.phase().label() + ": Synced and Healthy";
        return a.toString();
    }

    static String seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
