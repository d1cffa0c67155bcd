package dev.kfboot.cli;

import dev.kfboot.cli.operate.DeployPrinter;
import dev.kfboot.cli.operate.StatusView;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.deploy.Action;
import dev.kfboot.cluster.deploy.DeployListener;
import dev.kfboot.cluster.deploy.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code sync -o json} and {@code deploy -o json} print: the lines the text shows, as records. Projects applied
 * before the first wave, then per phase its apps, the actions taken with their results and how long it took to become
 * Synced and Healthy; at the end the outcome and the apps that stopped the run.
 *
 * @param outcome done, stopped (after --wave), failed, timed-out, or planned (deploy --dry-run)
 */
public record RunReport(
        String command,
        String namespace,
        String outcome,
        List<ActionRow> projects,
        List<PhaseRow> phases,
        List<FailureRow> failing) {

    /**
     * One phase: a sync wave ({@code wave} set) or the app of apps ({@code wave} null).
     *
     * @param seconds time from its start to Synced and Healthy; null when it was already so, or did not get there
     */
    record PhaseRow(
            String phase, Integer wave, List<String> apps, List<ActionRow> actions, boolean healthy, Double seconds) {}

    /**
     * One action: {@code action} is apply-project, create, update, sync or enable-auto-sync; {@code result} what the
     * cluster said (started, already running, created...), empty in a dry run.
     */
    record ActionRow(String action, String target, String description, String result) {}

    /** An app that stopped the run, with its state when it did. */
    record FailureRow(String app, String state, String reason) {}

    /** Collects a run (or a dry run's actions) into a {@link RunReport}. */
    public static final class Recorder implements DeployListener {

        private final Clock clock;
        private final List<ActionRow> projects = new ArrayList<>();
        private final Map<Integer, PhaseBuilder> phases = new LinkedHashMap<>();
        private PhaseBuilder current;

        public Recorder(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void executed(Action a, String result) {
            if (a instanceof Action.StartPhase s) {
                current = phases.computeIfAbsent(
                        s.phase().index(),
                        i -> new PhaseBuilder(s.phase().label(), s.phase().wave()));
                current.apps.addAll(s.apps());
                current.started = clock.instant();
            } else if (a instanceof Action.PhaseDone d) {
                PhaseBuilder p = phases.computeIfAbsent(
                        d.phase().index(),
                        i -> new PhaseBuilder(d.phase().label(), d.phase().wave()));
                if (p.apps.isEmpty()) p.apps.addAll(d.apps());
                p.healthy = true;
                if (p.started != null)
                    p.seconds = Duration.between(p.started, clock.instant()).toMillis() / 1000.0;
            } else {
                ActionRow row = new ActionRow(kind(a), target(a), DeployPrinter.describe(a), result);
                if (a instanceof Action.ApplyProject || current == null) projects.add(row);
                else current.actions.add(row);
            }
        }

        public RunReport report(String command, String namespace, Step last, boolean dryRun) {
            List<PhaseRow> rows =
                    phases.values().stream().map(PhaseBuilder::row).toList();
            List<FailureRow> failing = new ArrayList<>();
            String outcome = dryRun
                    ? "planned"
                    : switch (last.outcome()) {
                        case DONE -> "done";
                        case STOPPED -> "stopped";
                        case FAILED -> "failed";
                        case TIMED_OUT -> "timed-out";
                        case WORKING -> "working";
                    };
            if (!dryRun && (last.outcome() == Step.Outcome.FAILED || last.outcome() == Step.Outcome.TIMED_OUT)) {
                for (Step.Failure f : last.failing()) {
                    failing.add(new FailureRow(
                            f.app(), f.status() == null ? "missing" : StatusView.state(f.status()), f.reason()));
                }
                if (last.outcome() == Step.Outcome.TIMED_OUT) {
                    for (AppStatus s : last.waiting()) {
                        if (failing.stream().noneMatch(f -> f.app().equals(s.name()))) {
                            failing.add(
                                    new FailureRow(s.name(), StatusView.state(s), "not Synced and Healthy in time"));
                        }
                    }
                }
            }
            return new RunReport(command, namespace, outcome, List.copyOf(projects), rows, failing);
        }

        private static String kind(Action a) {
            if (a instanceof Action.ApplyProject) return "apply-project";
            if (a instanceof Action.CreateApp) return "create";
            if (a instanceof Action.UpdateApp) return "update";
            if (a instanceof Action.Sync) return "sync";
            if (a instanceof Action.EnableAutoSync) return "enable-auto-sync";
            return a.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }

        private static String target(Action a) {
            if (a instanceof Action.ApplyProject p) return p.name();
            if (a instanceof Action.CreateApp c) return c.app();
            if (a instanceof Action.UpdateApp u) return u.app();
            if (a instanceof Action.Sync s) return s.app();
            if (a instanceof Action.EnableAutoSync e) return e.app();
            return "";
        }
    }

    private static final class PhaseBuilder {
        final String label;
        final Integer wave;
        final List<String> apps = new ArrayList<>();
        final List<ActionRow> actions = new ArrayList<>();
        Instant started;
        boolean healthy;
        Double seconds;

        PhaseBuilder(String label, Integer wave) {
            this.label = label;
            this.wave = wave;
        }

        PhaseRow row() {
            return new PhaseRow(label, wave, List.copyOf(apps), List.copyOf(actions), healthy, seconds);
        }
    }

    /** Both listeners, in order: the progress printer and the recorder. */
    public static DeployListener both(DeployListener first, DeployListener second) {
        return new DeployListener() {
            @Override
            public void executed(Action action, String result) {
                first.executed(action, result);
                second.executed(action, result);
            }

            @Override
            public void stepped(Step step) {
                first.stepped(step);
                second.stepped(step);
            }
        };
    }
}
