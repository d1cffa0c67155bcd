package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.LastOperation;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deploy as a step function: from a {@link DeployState} to the next actions, or an outcome. No I/O, no
 * clock, no randomness: the same state always gives the same step, so every case is a unit test.
 *
 * <p>Phases go in order. A phase is done when every app of it exists as the tree says, no operation is
 * pending, and it is Synced and Healthy (an explicit sync also needs this run's own operation to have
 * succeeded). The first phase that is not done is worked on: missing apps are created and changed ones updated,
 * with automated sync held off; apps that are not Synced (or were just updated, or must be synced anyway) get a
 * sync unless an operation is pending; then the deployer waits. An operation of this run that failed fails the
 * phase; a phase that is still not done when its time is up times out. Done phases get their automated sync
 * switched on.
 */
public final class Deployer {

    private Deployer() {}

    public static Step step(DeployState s) {
        List<Action> actions = new ArrayList<>();
        for (Map<String, Object> p : s.plan().projects()) {
            String name = Fields.string(p, "metadata", "name");
            if (!s.projectsInSync().contains(name)) actions.add(new Action.ApplyProject(name, p));
        }
        for (Phase phase : s.plan().phases()) {
            List<Target> targets = s.plan().in(phase);
            if (done(s, targets)) {
                for (Target t : targets) {
                    GenericKubernetesResource live = s.live().get(t.app());
                    if (t.automated() != null
                            && !s.autoSyncEnabled().contains(t.app())
                            && !Desired.automatedMatches(live, t.automated())) {
                        actions.add(new Action.EnableAutoSync(t.app(), t.automated()));
                    }
                }
                if (!s.reported().contains(phase.index())) actions.add(new Action.PhaseDone(phase, names(targets)));
                if (phase.wave() != null && phase.wave().equals(s.plan().stopAfterWave())) {
                    return new Step(actions, Step.Outcome.STOPPED, phase, List.of(), List.of());
                }
                continue;
            }
            return work(s, phase, targets, actions);
        }
        return new Step(actions, Step.Outcome.DONE, null, List.of(), List.of());
    }

    private static Step work(DeployState s, Phase phase, List<Target> targets, List<Action> actions) {
        if (!s.started().containsKey(phase.index())) actions.add(new Action.StartPhase(phase, names(targets)));
        List<AppStatus> waiting = new ArrayList<>();
        List<Step.Failure> failing = new ArrayList<>();
        for (Target t : targets) {
            GenericKubernetesResource live = s.live().get(t.app());
            if (live == null) {
                if (t.held() == null) failing.add(new Step.Failure(t.app(), null, "the Application does not exist"));
                else if (!s.created().contains(t.app()))
                    actions.add(new Action.CreateApp(t.app(), t.held(), t.automated() != null));
                continue;
            }
            AppStatus st = AppStatus.of(live);
            if (st.deleting()) {
                failing.add(new Step.Failure(t.app(), st, "the Application is being deleted"));
                continue;
            }
            if (!matches(s, t, live)) {
                actions.add(new Action.UpdateApp(t.app(), t.held(), t.automated() != null));
                waiting.add(st);
                continue;
            }
            String ours = s.triggered().get(t.app());
            LastOperation last = st.lastOperation();
            boolean ourOpDone = ours != null && last != null && ours.equals(last.kfbootId()) && !st.operationInFlight();
            if (ourOpDone && last.failed()) {
                failing.add(new Step.Failure(t.app(), st, "sync " + last.phase().toLowerCase(Locale.ROOT)));
                continue;
            }
            if (appDone(s, t, st)) continue;
            waiting.add(st);
            if (st.operationInFlight() || ours != null) continue; // wait for the pending operation
            // An app this run rewrote shows the sync status of its old spec until Argo CD compares again.
            boolean insist = t.always() || s.updated().contains(t.app());
            if (insist || !"Synced".equals(st.sync())) {
                actions.add(new Action.Sync(t.app(), t.request(), s.runId() + "/" + t.app(), insist));
            }
        }
        if (!failing.isEmpty()) return new Step(actions, Step.Outcome.FAILED, phase, waiting, failing);
        var started = s.started().get(phase.index());
        if (started != null && Duration.between(started, s.now()).compareTo(s.phaseTimeout()) >= 0) {
            return new Step(actions, Step.Outcome.TIMED_OUT, phase, waiting, List.of());
        }
        return new Step(actions, Step.Outcome.WORKING, phase, waiting, List.of());
    }

    private static boolean done(DeployState s, List<Target> targets) {
        for (Target t : targets) {
            GenericKubernetesResource live = s.live().get(t.app());
            if (live == null || !matches(s, t, live)) return false;
            if (!appDone(s, t, AppStatus.of(live))) return false;
        }
        return true;
    }

    /**
     * Whether the live app is what the tree says. An app this run wrote counts as written: the API server may
     * normalise what it stores (drop fields its schema does not know), and rewriting it again would change nothing.
     */
    private static boolean matches(DeployState s, Target t, GenericKubernetesResource live) {
        return t.held() == null
                || s.created().contains(t.app())
                || s.updated().contains(t.app())
                || Desired.matches(live, t.held());
    }

    /** Synced and Healthy, nothing pending; an explicit sync also needs this run's operation to have succeeded. */
    private static boolean appDone(DeployState s, Target t, AppStatus st) {
        if (!st.syncedAndHealthy() || st.deleting()) return false;
        if (s.updated().contains(t.app()) && !s.triggered().containsKey(t.app())) return false;
        if (!t.always()) return true;
        String ours = s.triggered().get(t.app());
        return ours != null
                && st.lastOperation() != null
                && ours.equals(st.lastOperation().kfbootId())
                && st.lastOperation().succeeded();
    }

    private static List<String> names(List<Target> targets) {
        return targets.stream().map(Target::app).toList();
    }
}
