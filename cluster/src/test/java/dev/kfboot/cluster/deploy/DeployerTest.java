package dev.kfboot.cluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.argocd.SyncRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deployer as a pure step function: states in, actions and outcomes out, no server. */
class DeployerTest {

    static final KubernetesSerialization JSON = new KubernetesSerialization();
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Phase W0 = Phase.wave(0, 0);
    static final Phase W1 = Phase.wave(1, 1);

    static Map<String, Object> doc(String name, int wave) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("apiVersion", "argoproj.io/v1alpha1");
        d.put("kind", "Application");
        d.put(
                "metadata",
                Map.of(
                        "name",
                        name,
                        "namespace",
                        "argocd",
                        "annotations",
                        Map.of("argocd.argoproj.io/sync-wave", String.valueOf(wave))));
        d.put(
                "spec",
                Map.of(
                        "project",
                        "default",
                        "source",
                        Map.of("repoURL", "https://example.com/r.git", "path", name, "targetRevision", "main")));
        return d;
    }

    static Target target(String name, Phase p, boolean automated) {
        return new Target(
                name, p, doc(name, p.wave()), automated ? Map.of("prune", true) : null, SyncRequest.PLAIN, false);
    }

    static DeployPlan plan(Integer stop, Target... targets) {
        return new DeployPlan(
                List.of(Map.of("metadata", Map.of("name", "kubeflow"))), List.of(targets), List.of(W0, W1), stop);
    }

    /** A live app: the tree's document plus status; {@code opId} stamps the last operation. */
    static GenericKubernetesResource live(
            String name,
            int wave,
            String sync,
            String health,
            String opPhase,
            String opId,
            boolean inFlight,
            boolean automated) {
        Map<String, Object> d = new LinkedHashMap<>(doc(name, wave));
        if (automated) {
            Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) d.get("spec"));
            spec.put("syncPolicy", Map.of("automated", Map.of("prune", true)));
            d.put("spec", spec);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        if (sync != null) status.put("sync", Map.of("status", sync));
        if (health != null) status.put("health", Map.of("status", health));
        if (opPhase != null) {
            status.put(
                    "operationState",
                    Map.of(
                            "phase",
                            opPhase,
                            "message",
                            opPhase + " message",
                            "operation",
                            Map.of("info", List.of(Map.of("name", "kfboot-operation", "value", opId)))));
        }
        d.put("status", status);
        if (inFlight) d.put("operation", Map.of("sync", Map.of()));
        return JSON.convertValue(d, GenericKubernetesResource.class);
    }

    static DeployState state(
            DeployPlan plan,
            Map<String, GenericKubernetesResource> live,
            Map<String, String> triggered,
            Map<Integer, Instant> started,
            Set<String> updated) {
        return new DeployState(
                plan,
                live,
                Set.of("kubeflow"),
                "run",
                triggered,
                Set.of(),
                updated,
                Set.of(),
                started,
                Set.of(),
                NOW,
                Duration.ofMinutes(10));
    }

    @Test
    void anEmptyClusterGetsTheProjectAndTheFirstWaveOnly() {
        DeployPlan p = plan(
                null, target("cert-manager", W0, true), target("istio-crds", W0, false), target("katib", W1, true));
        DeployState s = new DeployState(
                p,
                Map.of(),
                Set.of(),
                "run",
                Map.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Map.of(),
                Set.of(),
                NOW,
                Duration.ofMinutes(10));

        Step step = Deployer.step(s);

        assertThat(step.outcome()).isEqualTo(Step.Outcome.WORKING);
        assertThat(step.actions())
                .extracting(a -> a.getClass().getSimpleName() + ":" + DeployRun.name(a))
                .containsExactly(
                        "ApplyProject:kubeflow", "StartPhase:wave 0", "CreateApp:cert-manager", "CreateApp:istio-crds");
        Action.CreateApp create = (Action.CreateApp) step.actions().get(2);
        assertThat(create.autoSyncHeld()).isTrue();
        assertThat(create.document()).doesNotContainKey("status");
    }

    @Test
    void appsWithoutStatusAreSyncedWithThisRunsOperationId() {
        DeployPlan p = plan(null, target("cert-manager", W0, false));
        Step step = Deployer.step(state(
                p,
                Map.of("cert-manager", live("cert-manager", 0, null, null, null, null, false, false)),
                Map.of(),
                Map.of(0, NOW),
                Set.of()));

        assertThat(step.actions())
                .singleElement()
                .isEqualTo(new Action.Sync("cert-manager", SyncRequest.PLAIN, "run/cert-manager", false));
    }

    @Test
    void aPendingOperationIsWaitedForNotRepeated() {
        DeployPlan p = plan(null, target("cert-manager", W0, false));
        var running = live("cert-manager", 0, "OutOfSync", "Missing", "Running", "other", true, false);

        Step step = Deployer.step(state(p, Map.of("cert-manager", running), Map.of(), Map.of(0, NOW), Set.of()));

        assertThat(step.actions()).isEmpty();
        assertThat(step.waiting()).extracting(a -> a.name()).containsExactly("cert-manager");
    }

    @Test
    void ourFailedOperationFailsTheWaveButSomeoneElsesIsRedriven() {
        DeployPlan p = plan(null, target("cert-manager", W0, false));
        var failed = live("cert-manager", 0, "OutOfSync", "Missing", "Failed", "run/cert-manager", false, false);

        Step ours = Deployer.step(state(
                p,
                Map.of("cert-manager", failed),
                Map.of("cert-manager", "run/cert-manager"),
                Map.of(0, NOW),
                Set.of()));
        assertThat(ours.outcome()).isEqualTo(Step.Outcome.FAILED);
        assertThat(ours.failing())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("sync failed"));

        var theirs =
                live("cert-manager", 0, "OutOfSync", "Missing", "Failed", "earlier-run/cert-manager", false, false);
        Step redrive = Deployer.step(state(p, Map.of("cert-manager", theirs), Map.of(), Map.of(0, NOW), Set.of()));
        assertThat(redrive.outcome()).isEqualTo(Step.Outcome.WORKING);
        assertThat(redrive.actions()).singleElement().isInstanceOf(Action.Sync.class);
    }

    @Test
    void aHealthyWaveSwitchesAutoSyncOnAndTheNextWaveStarts() {
        DeployPlan p = plan(null, target("cert-manager", W0, true), target("katib", W1, false));
        var done = live("cert-manager", 0, "Synced", "Healthy", "Succeeded", "run/cert-manager", false, false);

        Step step = Deployer.step(state(
                p, Map.of("cert-manager", done), Map.of("cert-manager", "run/cert-manager"), Map.of(0, NOW), Set.of()));

        assertThat(step.actions())
                .extracting(a -> a.getClass().getSimpleName() + ":" + DeployRun.name(a))
                .containsExactly(
                        "EnableAutoSync:cert-manager", "PhaseDone:wave 0", "StartPhase:wave 1", "CreateApp:katib");
    }

    @Test
    void aSyncedButUnhealthyAppIsWaitedForUntilTheWaveTimesOut() {
        DeployPlan p = plan(null, target("istio-install", W0, false));
        var progressing =
                live("istio-install", 0, "Synced", "Progressing", "Succeeded", "run/istio-install", false, false);
        var lives = Map.of("istio-install", progressing);

        Step early = Deployer.step(state(
                p, lives, Map.of("istio-install", "run/istio-install"), Map.of(0, NOW.minusSeconds(60)), Set.of()));
        assertThat(early.outcome()).isEqualTo(Step.Outcome.WORKING);
        assertThat(early.actions()).isEmpty();

        Step late = Deployer.step(state(
                p, lives, Map.of("istio-install", "run/istio-install"), Map.of(0, NOW.minusSeconds(600)), Set.of()));
        assertThat(late.outcome()).isEqualTo(Step.Outcome.TIMED_OUT);
        assertThat(late.waiting()).extracting(a -> a.name()).containsExactly("istio-install");
    }

    @Test
    void stopsAfterTheWaveAskedFor() {
        DeployPlan p = plan(0, target("cert-manager", W0, false), target("katib", W1, false));
        var done = live("cert-manager", 0, "Synced", "Healthy", "Succeeded", "x", false, false);

        Step step = Deployer.step(state(p, Map.of("cert-manager", done), Map.of(), Map.of(), Set.of()));

        assertThat(step.outcome()).isEqualTo(Step.Outcome.STOPPED);
        assertThat(step.actions()).extracting(a -> a.getClass().getSimpleName()).containsExactly("PhaseDone");
    }

    @Test
    void aChangedSpecIsUpdatedAndThenSyncedEvenIfItLooksSynced() {
        DeployPlan p = plan(null, target("katib", W0, false));
        GenericKubernetesResource stale = live("katib", 0, "Synced", "Healthy", "Succeeded", "x", false, false);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = new HashMap<>(
                (Map<String, Object>) stale.getAdditionalProperties().get("spec"));
        spec.put("source", Map.of("repoURL", "https://example.com/r.git", "path", "old", "targetRevision", "main"));
        stale.setAdditionalProperty("spec", spec);

        Step update = Deployer.step(state(p, Map.of("katib", stale), Map.of(), Map.of(), Set.of()));
        assertThat(update.actions())
                .extracting(a -> a.getClass().getSimpleName())
                .containsExactly("StartPhase", "UpdateApp");

        var updated = live("katib", 0, "Synced", "Healthy", "Succeeded", "x", false, false);
        Step sync = Deployer.step(state(p, Map.of("katib", updated), Map.of(), Map.of(0, NOW), Set.of("katib")));
        assertThat(sync.actions())
                .singleElement()
                .isEqualTo(new Action.Sync("katib", SyncRequest.PLAIN, "run/katib", true));
    }

    @Test
    void anAppThisRunWroteCountsAsWrittenEvenIfTheServerStoredItDifferently() {
        DeployPlan p = plan(null, target("katib", W0, false));
        GenericKubernetesResource normalised = live("katib", 0, null, null, null, null, false, false);
        normalised.setAdditionalProperty("spec", Map.of("project", "default"));
        DeployState s = new DeployState(
                p,
                Map.of("katib", normalised),
                Set.of("kubeflow"),
                "run",
                Map.of(),
                Set.of("katib"),
                Set.of(),
                Set.of(),
                Map.of(0, NOW),
                Set.of(),
                NOW,
                Duration.ofMinutes(10));

        assertThat(Deployer.step(s).actions()).singleElement().isInstanceOf(Action.Sync.class);
    }

    @Test
    void anExplicitSyncNeedsThisRunsOperationToHaveSucceeded() {
        Target t = new Target("katib", W0, null, null, SyncRequest.PLAIN, true);
        DeployPlan p = new DeployPlan(List.of(), List.of(t), List.of(W0), null);
        var healthy = live("katib", 0, "Synced", "Healthy", "Succeeded", "before", false, false);

        Step first = Deployer.step(state(p, Map.of("katib", healthy), Map.of(), Map.of(0, NOW), Set.of()));
        assertThat(first.actions())
                .singleElement()
                .isEqualTo(new Action.Sync("katib", SyncRequest.PLAIN, "run/katib", true));

        var after = live("katib", 0, "Synced", "Healthy", "Succeeded", "run/katib", false, false);
        Step done =
                Deployer.step(state(p, Map.of("katib", after), Map.of("katib", "run/katib"), Map.of(0, NOW), Set.of()));
        assertThat(done.outcome()).isEqualTo(Step.Outcome.DONE);
    }

    @Test
    void anAppBeingDeletedOrMissingInASyncFailsThePhase() {
        Target t = new Target("katib", W0, null, null, SyncRequest.PLAIN, true);
        DeployPlan p = new DeployPlan(List.of(), List.of(t), List.of(W0), null);

        Step missing = Deployer.step(state(p, Map.of(), Map.of(), Map.of(0, NOW), Set.of()));
        assertThat(missing.outcome()).isEqualTo(Step.Outcome.FAILED);
        assertThat(missing.failing().get(0).reason()).isEqualTo("the Application does not exist");

        var deleting = live("katib", 0, "Synced", "Healthy", null, null, false, false);
        deleting.getMetadata().setDeletionTimestamp("2026-11-23T11:59:00Z");
        Step gone = Deployer.step(state(p, Map.of("katib", deleting), Map.of(), Map.of(0, NOW), Set.of()));
        assertThat(gone.failing().get(0).reason()).isEqualTo("the Application is being deleted");
    }

    @Test
    void theSimulationOfAnEmptyClusterIsTheWholeDeployInOrder() {
        DeployPlan p = plan(null, target("cert-manager", W0, true), target("katib", W1, false));
        DeployState s = new DeployState(
                p,
                Map.of(),
                Set.of(),
                "run",
                Map.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Map.of(),
                Set.of(),
                NOW,
                Duration.ofMinutes(10));

        DeploySimulation.Result r = DeploySimulation.run(s);

        assertThat(r.last().outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(r.actions())
                .extracting(a -> a.getClass().getSimpleName() + ":" + DeployRun.name(a))
                .containsExactly(
                        "ApplyProject:kubeflow",
                        "StartPhase:wave 0",
                        "CreateApp:cert-manager",
                        "Sync:cert-manager",
                        "EnableAutoSync:cert-manager",
                        "PhaseDone:wave 0",
                        "StartPhase:wave 1",
                        "CreateApp:katib",
                        "Sync:katib",
                        "PhaseDone:wave 1");
    }
}
