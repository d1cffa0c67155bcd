package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.OperationTrigger;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link DeployPlan} against the cluster: asks the {@link Deployer} for a step, executes its actions,
 * then waits on the {@link AppStore} until the informer reports a change or the phase's time is up, and asks
 * again. Nothing polls. A dropped watch is re-established by fabric8 and the store catches up; an action that
 * fails after the API retries ends the run with a {@link dev.kfboot.cluster.ClusterException}, and running it
 * again resumes where the cluster stands.
 */
public final class DeployDriver {

    /** Re-decide at least this often even without events, e.g. to notice a timeout. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final Applications apps;
    private final AppStore store;
    private final OperationTrigger trigger;
    private final DeployListener listener;
    private final Clock clock;

    // what this run did, which the cluster may not show yet
    private final Set<String> projectsInSync = new HashSet<>();
    private final Map<String, String> triggered = new HashMap<>();
    private final Set<String> created = new HashSet<>();
    private final Set<String> updated = new HashSet<>();
    private final Set<String> autoSyncEnabled = new HashSet<>();
    private final Map<Integer, Instant> started = new HashMap<>();
    private final Set<Integer> reported = new HashSet<>();

    public DeployDriver(Applications apps, AppStore store, DeployListener listener, Clock clock) {
        this.apps = apps;
        this.store = store;
        this.trigger = new OperationTrigger(apps);
        this.listener = listener;
        this.clock = clock;
    }

    public Step run(DeployPlan plan, Duration phaseTimeout, String runId) throws InterruptedException {
        long seen = store.version(); // read before the state, so no event between the two is missed
        DeployState state = start(plan, phaseTimeout, runId);
        while (true) {
            Step step = Deployer.step(state);
            for (Action a : step.actions()) execute(a);
            listener.stepped(step);
            if (step.outcome().terminal()) return step;
            boolean onlyBookkeeping =
                    !step.actions().isEmpty() && step.actions().stream().allMatch(DeployDriver::bookkeeping);
            // Writes show up as informer events; so do Argo CD's answers. Wait for the next one.
            if (!onlyBookkeeping) store.awaitChange(seen, waitFor(step, phaseTimeout));
            seen = store.version();
            state = state(plan, phaseTimeout, runId);
        }
    }

    /** The state before the first step: which AppProjects already match is read once. */
    public DeployState start(DeployPlan plan, Duration phaseTimeout, String runId) {
        projectsInSync.addAll(projectsMatching(plan));
        return state(plan, phaseTimeout, runId);
    }

    /** The state the deployer sees now. */
    private DeployState state(DeployPlan plan, Duration phaseTimeout, String runId) {
        Map<String, GenericKubernetesResource> live = new LinkedHashMap<>();
        for (Target t : plan.targets()) store.raw(t.app()).ifPresent(r -> live.put(t.app(), r));
        return new DeployState(
                plan,
                live,
                Set.copyOf(projectsInSync),
                runId,
                Map.copyOf(triggered),
                Set.copyOf(created),
                Set.copyOf(updated),
                Set.copyOf(autoSyncEnabled),
                Map.copyOf(started),
                Set.copyOf(reported),
                clock.instant(),
                phaseTimeout);
    }

    /** AppProjects of the plan that already match the cluster. */
    private List<String> projectsMatching(DeployPlan plan) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> p : plan.projects()) {
            String name = Fields.string(p, "metadata", "name");
            GenericKubernetesResource live = apps.getProject(name);
            if (live != null && Desired.matches(live, p)) out.add(name);
        }
        return out;
    }

    private Duration waitFor(Step step, Duration phaseTimeout) {
        Instant since = step.phase() == null ? null : started.get(step.phase().index());
        if (since == null) return HEARTBEAT;
        Duration left =
                Duration.between(clock.instant(), since.plus(phaseTimeout)).plusMillis(20);
        if (left.isNegative()) return Duration.ofMillis(1);
        return left.compareTo(HEARTBEAT) < 0 ? left : HEARTBEAT;
    }

    private static boolean bookkeeping(Action a) {
        return a instanceof Action.StartPhase || a instanceof Action.PhaseDone;
    }

    /** Executes one action; returns whether it wrote to the cluster. */
    private boolean execute(Action a) {
        if (a instanceof Action.ApplyProject p) {
            if (apps.getProject(p.name()) == null) {
                apps.create(p.document(), true);
                listener.executed(a, "created");
            } else {
                apps.edit(p.name(), true, "updating AppProject " + p.name(), live -> overwrite(live, p.document()));
                listener.executed(a, "updated");
            }
            projectsInSync.add(p.name());
            return true;
        }
        if (a instanceof Action.CreateApp c) {
            apps.create(c.document(), false);
            created.add(c.app());
            listener.executed(a, "created");
            return true;
        }
        if (a instanceof Action.UpdateApp u) {
            apps.edit(u.app(), false, "updating Application " + u.app(), live -> overwrite(live, u.document()));
            updated.add(u.app());
            listener.executed(a, "updated");
            return true;
        }
        if (a instanceof Action.Sync s) {
            OperationTrigger.Outcome o = trigger.trigger(s.app(), s.request(), s.id(), !s.always());
            if (o == OperationTrigger.Outcome.TRIGGERED || o == OperationTrigger.Outcome.ALREADY_OURS) {
                triggered.put(s.app(), s.id());
            }
            listener.executed(
                    a,
                    switch (o) {
                        case TRIGGERED -> "started";
                        case ALREADY_OURS -> "already started";
                        case BUSY -> "another operation is running; waiting for it";
                        case IN_TARGET_STATE -> "already Synced and Healthy";
                        case DELETING -> "being deleted";
                    });
            return o == OperationTrigger.Outcome.TRIGGERED;
        }
        if (a instanceof Action.EnableAutoSync e) {
            apps.edit(e.app(), false, "switching on automated sync of " + e.app(), live -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> spec = (Map<String, Object>) live.getAdditionalProperties()
                        .computeIfAbsent("spec", k -> new LinkedHashMap<String, Object>());
                @SuppressWarnings("unchecked")
                Map<String, Object> policy = (Map<String, Object>)
                        spec.computeIfAbsent("syncPolicy", k -> new LinkedHashMap<String, Object>());
                policy.put("automated", e.automated());
                return live;
            });
            autoSyncEnabled.add(e.app());
            listener.executed(a, "switched on");
            return true;
        }
        if (a instanceof Action.StartPhase s) {
            started.put(s.phase().index(), clock.instant());
        } else if (a instanceof Action.PhaseDone d) {
            reported.add(d.phase().index());
        }
        listener.executed(a, "");
        return false;
    }

    /** The tree's spec replaces the live one; its labels, annotations and finalizers are added. */
    @SuppressWarnings("unchecked")
    private static GenericKubernetesResource overwrite(GenericKubernetesResource live, Map<String, Object> doc) {
        live.setAdditionalProperty("spec", PlainValues.copy(Fields.map(doc, "spec")));
        var meta = live.getMetadata();
        Map<String, String> labels =
                meta.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getLabels());
        Fields.map(doc, "metadata", "labels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
        meta.setLabels(labels);
        Map<String, String> annotations =
                meta.getAnnotations() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getAnnotations());
        Fields.map(doc, "metadata", "annotations").forEach((k, v) -> annotations.put(k, String.valueOf(v)));
        meta.setAnnotations(annotations);
        List<String> finalizers =
                meta.getFinalizers() == null ? new ArrayList<>() : new ArrayList<>(meta.getFinalizers());
        for (Object f : Fields.list(doc, "metadata", "finalizers"))
            if (!finalizers.contains(f)) finalizers.add((String) f);
        meta.setFinalizers(finalizers);
        return live;
    }
}
