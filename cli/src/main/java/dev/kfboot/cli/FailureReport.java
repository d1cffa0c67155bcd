package dev.kfboot.cli;

import dev.kfboot.cli.operate.StatusView;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.LastOperation;
import dev.kfboot.cluster.deploy.Step;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What a failed or timed-out wave prints: each app in trouble with its state, conditions and last operation. */
public final class FailureReport {

    private FailureReport() {}

    public static void print(Step step, PrintWriter err) {
        String label = step.phase().label();
        boolean timedOut = step.outcome() == Step.Outcome.TIMED_OUT;
        err.println(label + (timedOut ? " timed out; not Synced and Healthy:" : " failed:"));
        for (Step.Failure f : step.failing()) {
            err.println("  " + f.app() + ": " + f.reason());
            if (f.status() != null) details(f.status(), err);
        }
        List<AppStatus> others = step.waiting().stream()
                .filter(s -> step.failing().stream().noneMatch(f -> f.app().equals(s.name())))
                .toList();
        if (!timedOut && !others.isEmpty())
            err.println("still in progress when it failed (Argo CD goes on with them):");
        for (AppStatus s : others) {
            err.println("  " + s.name() + ": " + StatusView.state(s));
            if (timedOut) details(s, err);
        }
        err.flush();
    }

    private static void details(AppStatus s, PrintWriter err) {
        for (AppStatus.Condition c : s.conditions()) err.println("    condition " + c.type() + ": " + c.message());
        LastOperation op = s.lastOperation();
        if (op != null) {
            err.println("    last operation " + op.phase() + (op.message() == null ? "" : ": " + op.message())
                    + (op.retryCount() > 0 ? " (after " + op.retryCount() + " retries)" : ""));
        }
    }

    public static CommandFailure failure(Step step, String rerun) {
        List<String> names = new ArrayList<>();
        step.failing().forEach(f -> names.add(f.app()));
        if (step.outcome() == Step.Outcome.TIMED_OUT) step.waiting().forEach(s -> names.add(s.name()));
        String label = step.phase().label();
        String first = names.isEmpty() ? "APP" : names.get(0);
        if (step.outcome() == Step.Outcome.TIMED_OUT) {
            return new CommandFailure(
                    ExitCodes.CLUSTER,
                    label + " did not become Synced and Healthy in time: " + String.join(", ", names),
                    "see why with `kfboot describe " + first + "`; if it is only slow, raise --timeout; `" + rerun
                            + "` continues at " + label);
        }
        return new CommandFailure(
                ExitCodes.CLUSTER,
                label + " failed: " + String.join(", ", names),
                "fix the cause (`kfboot describe " + first + "`, `kfboot logs " + first + "`), then `" + rerun
                        + "` continues at " + label);
    }
}
