package dev.kfboot.cluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.cluster.testing.Faults;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.cluster.testing.Trees;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a deploy: each ends with a clear outcome, no operation is ever started twice, and running the
 * deploy again finishes the job.
 */
class DeployFaultsTest {

    static final Duration LONG = Duration.ofSeconds(20);
    static final String APPS = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications";

    @TempDir
    Path dir;

    MockCluster mock;
    ArgoCdStandIn argo;
    Path tree;

    @BeforeEach
    void start() {
        mock = MockCluster.start().withArgoCrds();
        argo = ArgoCdStandIn.start(mock);
        tree = Trees.in(dir.resolve("tree"))
                .project("kubeflow")
                .app("cert-manager", 0, true)
                .app("istio-install", 1, true)
                .app("katib", 2, true)
                .app("pipelines", 2, true)
                .dir();
    }

    @AfterEach
    void stop() {
        argo.close();
        mock.close();
    }

    private void assertOneOperationEach() {
        for (String app : new String[] {"cert-manager", "istio-install", "katib", "pipelines"}) {
            assertThat(argo.operations(app)).as(app).hasSize(1);
        }
    }

    @Test
    void serverErrorsOnWritesAreRetried() throws Exception {
        Faults.Rule rule = mock.faults().fail("PUT", APPS + "/katib", 2, 500);
        mock.faults().fail("POST", APPS, 1, 503);

        DeployRun run = new DeployRun().run(mock, dir, tree, null, LONG);

        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(rule.hits()).isEqualTo(2);
        assertOneOperationEach();
    }

    @Test
    void aWriteWhoseAnswerIsLostIsNotRepeated() throws Exception {
        // The operation lands, but the client sees a 500; its retry carries the old resourceVersion and gets a
        // 409; kfboot reads the app again, finds its own operation and writes nothing more.
        Faults.Rule rule = mock.faults().failAfterServing("PUT", APPS + "/istio-install", 1, 500);

        DeployRun run = new DeployRun().run(mock, dir, tree, null, LONG);

        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(rule.hits()).isEqualTo(1);
        assertOneOperationEach();
        assertThat(run.log).contains("Sync istio-install already started");
    }

    @Test
    void conflictsAreResolvedOnAFreshRead() throws Exception {
        Faults.Rule rule = mock.faults().fail("PUT", APPS + "/cert-manager", 3, 409);

        DeployRun run = new DeployRun().run(mock, dir, tree, null, LONG);

        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(rule.hits()).isEqualTo(3);
        assertOneOperationEach();
    }

    @Test
    void throttlingIsWaitedOut() throws Exception {
        Faults.Rule list = mock.faults().fail("GET", APPS + "?", 2, 429);
        Faults.Rule put = mock.faults().fail("PUT", APPS, 2, 429);

        DeployRun run = new DeployRun().run(mock, dir, tree, null, LONG);

        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(list.hits() + put.hits()).isEqualTo(4);
        assertOneOperationEach();
    }

    @Test
    void aWatchDroppedMidDeployIsReestablished() throws Exception {
        AtomicBoolean dropped = new AtomicBoolean();
        DeployRun run = new DeployRun()
                .onAction((a, result) -> {
                    if (a instanceof Action.Sync s
                            && s.app().equals("istio-install")
                            && dropped.compareAndSet(false, true)) {
                        assertThat(mock.dropWatches()).isPositive();
                    }
                })
                .run(mock, dir, tree, null, LONG);

        assertThat(dropped).isTrue();
        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(mock.countRequests("GET", APPS + "?allowWatchBookmarks=true"))
                .as("watches opened")
                .isGreaterThanOrEqualTo(2);
        assertOneOperationEach();
    }

    @Test
    void serverErrorsBeyondTheRetriesStopTheDeployAndARerunFinishesIt() throws Exception {
        mock.faults().fail("POST", APPS, 1000, 500);

        assertThatThrownBy(() -> new DeployRun().run(mock, dir, tree, null, LONG))
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ClusterException.Kind.API_ERROR);
                    assertThat(e.getMessage())
                            .startsWith("the Kubernetes API failed (500) while creating Application cert-manager");
                });
        mock.faults().clear();

        DeployRun rerun = new DeployRun().run(mock, dir, tree, null, LONG);
        assertThat(rerun.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertOneOperationEach();
    }

    @Test
    void aFailingWaveStopsWithTheFailingAppAndARerunRetriesOnlyThatApp() throws Exception {
        argo.failWith(
                "katib",
                "one or more objects failed to apply, reason: Internal error occurred: failed calling webhook");

        DeployRun run = new DeployRun().run(mock, dir, tree, null, LONG);

        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.FAILED);
        assertThat(run.last.phase().wave()).isEqualTo(2);
        assertThat(run.last.failing()).singleElement().satisfies(f -> {
            assertThat(f.app()).isEqualTo("katib");
            assertThat(f.status().lastOperation().message()).contains("failed calling webhook");
            assertThat(f.status().conditions()).extracting(c -> c.type()).containsExactly("SyncError");
        });
        argo.behave("katib", ArgoCdStandIn.Behaviour.SUCCEED);

        DeployRun rerun = new DeployRun().run(mock, dir, tree, null, LONG);

        assertThat(rerun.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(rerun.syncs()).containsExactly("katib");
        assertThat(argo.operations("katib")).hasSize(2);
        assertThat(argo.operations("cert-manager")).hasSize(1);
        assertThat(argo.operations())
                .as("automated sync was held until each wave was healthy")
                .noneMatch(o -> o.id().equals("automated"));
    }

    @Test
    void aWaveThatNeverGetsHealthyTimesOutAndTheDeployResumesWhenItIs() throws Exception {
        argo.behave("istio-install", ArgoCdStandIn.Behaviour.NEVER_HEALTHY);

        DeployRun run = new DeployRun().run(mock, dir, tree, null, Duration.ofMillis(1500));

        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.TIMED_OUT);
        assertThat(run.last.phase().wave()).isEqualTo(1);
        assertThat(run.last.waiting()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("istio-install");
            assertThat(s.healthMessage()).contains("Waiting for rollout to finish");
        });
        argo.heal("istio-install");

        DeployRun rerun = new DeployRun().run(mock, dir, tree, null, LONG);

        assertThat(rerun.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(rerun.syncs()).containsExactly("katib", "pipelines");
        assertOneOperationEach();
    }

    @Test
    void anOperationStillRunningIsWaitedForNotRepeated() throws Exception {
        argo.behave("istio-install", ArgoCdStandIn.Behaviour.HANG);
        DeployRun run = new DeployRun().run(mock, dir, tree, null, Duration.ofMillis(1000));
        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.TIMED_OUT);

        argo.behave("istio-install", ArgoCdStandIn.Behaviour.SUCCEED);
        DeployRun rerun = new DeployRun()
                .onAction((a, r) -> {
                    if (a instanceof Action.StartPhase) argo.kick("istio-install");
                })
                .run(mock, dir, tree, null, LONG);

        assertThat(rerun.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(rerun.syncs()).doesNotContain("istio-install");
        assertOneOperationEach();
    }
}
