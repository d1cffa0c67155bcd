package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
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
 * {@code deploy --dry-run}: the same {@link Deployer}, run from the cluster's current state on assumed outcomes
 * (every write succeeds, every sync ends Synced and Healthy), so it prints exactly the actions a real run would
 * take if nothing fails. Nothing is written.
 */
public final class DeploySimulation {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final int MAX_STEPS = 100_000;

    /** The actions in order, and how the simulated run ends. */
    public record Result(List<Action> actions, Step last) {}

    private DeploySimulation() {}

    public static Result run(DeployState initial) {
        Map<String, GenericKubernetesResource> live = new LinkedHashMap<>();
        initial.live().forEach((k, v) -> live.put(k, JSON.clone(v)));
        Set<String> projects = new HashSet<>(initial.projectsInSync());
        Map<String, String> triggered = new HashMap<>(initial.triggered());
        Set<String> created = new HashSet<>(initial.created());
        Set<String> updated = new HashSet<>(initial.updated());
        Set<String> enabled = new HashSet<>(initial.autoSyncEnabled());
        Map<Integer, Instant> started = new HashMap<>(initial.started());
        Set<Integer> reported = new HashSet<>(initial.reported());
        List<Action> all = new ArrayList<>();
        for (int i = 0; i < MAX_STEPS; i++) {
            DeployState s = new DeployState(
                    initial.plan(),
                    live,
                    projects,
                    initial.runId(),
                    triggered,
                    created,
                    updated,
                    enabled,
                    started,
                    reported,
                    initial.now(),
                    Duration.ofDays(365));
            Step step = Deployer.step(s);
            all.addAll(step.actions());
            for (Action a : step.actions()) {
                if (a instanceof Action.ApplyProject p) projects.add(p.name());
                else if (a instanceof Action.CreateApp c) {
                    live.put(c.app(), resource(c.document()));
                    created.add(c.app());
                } else if (a instanceof Action.UpdateApp u) {
                    live.put(u.app(), resource(u.document()));
                    updated.add(u.app());
                } else if (a instanceof Action.Sync sy) {
                    succeed(live.get(sy.app()), sy.id());
                    triggered.put(sy.app(), sy.id());
                } else if (a instanceof Action.EnableAutoSync e) {
                    automated(live.get(e.app()), e.automated());
                    enabled.add(e.app());
                } else if (a instanceof Action.StartPhase sp)
                    started.put(sp.phase().index(), initial.now());
                else if (a instanceof Action.PhaseDone d) reported.add(d.phase().index());
            }
            if (step.outcome().terminal()) return new Result(all, step);
            if (step.actions().isEmpty()) {
                // Only waiting is left: assume every pending operation and rollout ends well.
                for (AppStatus w : step.waiting()) succeed(live.get(w.name()), triggered.get(w.name()));
            }
        }
        throw new IllegalStateException("deploy simulation did not converge");
    }

    private static GenericKubernetesResource resource(Map<String, Object> doc) {
        return JSON.convertValue(PlainValues.copy(doc), GenericKubernetesResource.class);
    }

    private static void succeed(GenericKubernetesResource app, String id) {
        if (app == null) return;
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("phase", "Succeeded");
        op.put("message", "successfully synced (simulated)");
        if (id != null) op.put("operation", Map.of("info", List.of(Map.of("name", "kfboot-operation", "value", id))));
        Map<String, Object> status = new LinkedHashMap<>(Fields.map(app.getAdditionalProperties(), "status"));
        status.put("sync", Map.of("status", "Synced"));
        status.put("health", Map.of("status", "Healthy"));
        status.put("operationState", op);
        app.setAdditionalProperty("status", status);
        app.getAdditionalProperties().remove("operation");
    }

    @SuppressWarnings("unchecked")
    private static void automated(GenericKubernetesResource app, Map<String, Object> automated) {
        Map<String, Object> spec = (Map<String, Object>)
                app.getAdditionalProperties().computeIfAbsent("spec", k -> new LinkedHashMap<String, Object>());
        ((Map<String, Object>) spec.computeIfAbsent("syncPolicy", k -> new LinkedHashMap<String, Object>()))
                .put("automated", automated);
    }
}
