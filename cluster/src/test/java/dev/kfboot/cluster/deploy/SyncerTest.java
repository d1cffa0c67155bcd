package dev.kfboot.cluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.ArgoResources;
import dev.kfboot.cluster.argocd.SyncRequest;
import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.cluster.testing.Trees;
import dev.kfboot.model.InputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync}'s logic against the mock API server with the Argo CD stand-in, on a deployed tree. */
class SyncerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    MockCluster mock;
    ArgoCdStandIn argo;
    Cluster cluster;
    AppStore store;
    Syncer syncer;

    @BeforeEach
    void start() throws Exception {
        mock = MockCluster.start().withArgoCrds();
        argo = ArgoCdStandIn.start(mock);
        Path tree = Trees.in(dir.resolve("tree"))
                .project("kubeflow")
                .app("cert-manager", 0, true)
                .app("istio-install", 1, true)
                .app("katib", 2, true)
                .app("pipelines", 2, false)
                .dir();
        assertThat(new DeployRun()
                        .run(mock, dir, tree, null, Duration.ofSeconds(20))
                        .last
                        .outcome())
                .isEqualTo(Step.Outcome.DONE);
        cluster = mock.connect(dir);
        store = AppStore.start(cluster, Duration.ofSeconds(10));
        syncer = new Syncer(new Applications(cluster), store, CLOCK);
    }

    @AfterEach
    void stop() {
        store.close();
        cluster.close();
        argo.close();
        mock.close();
    }

    static List<String> names(List<AppStatus> apps) {
        return apps.stream().map(AppStatus::name).toList();
    }

    @Test
    void selectsEveryAppAWavesAppsOrTheNamedOnesInTheirOrder() {
        assertThat(names(syncer.select(new Syncer.Selection(List.of(), null, true))))
                .containsExactly("cert-manager", "istio-install", "katib", "pipelines");
        assertThat(names(syncer.select(new Syncer.Selection(List.of(), 2, false))))
                .containsExactly("katib", "pipelines");
        assertThat(names(syncer.select(new Syncer.Selection(List.of("pipelines", "cert-manager"), null, false))))
                .containsExactly("pipelines", "cert-manager");
    }

    @Test
    void aComponentNameSelectsTheApplicationLabelledWithIt() {
        mock.client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace("argocd")
                .withName("katib")
                .edit(a -> {
                    a.getMetadata().setLabels(Map.of("kfboot.dev/component", "katib-component"));
                    return a;
                });

        assertThat(names(syncer.select(new Syncer.Selection(List.of("katib-component"), null, false))))
                .containsExactly("katib");
    }

    @Test
    void anEmptyWaveOrAnUnknownNameIsBadInputNamingWhatExists() {
        assertThatThrownBy(() -> syncer.select(new Syncer.Selection(List.of(), 7, false)))
                .isInstanceOf(InputException.class)
                .hasMessage("no application in wave 7")
                .satisfies(e -> assertThat(((InputException) e).hint()).isEqualTo("waves: [0, 1, 2]"));
        assertThatThrownBy(() -> syncer.select(new Syncer.Selection(List.of("kserve"), null, false)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no Application 'kserve'");
    }

    @Test
    void runSyncsWaveByWaveWithOneOperationOfItsOwnPerApp() throws Exception {
        int before = argo.operations().size();
        List<AppStatus> chosen = syncer.select(new Syncer.Selection(List.of(), null, true));

        Step last = syncer.run(chosen, SyncRequest.PLAIN, Duration.ofSeconds(20), syncer.runId(), DeployListener.NONE);

        assertThat(last.outcome()).isEqualTo(Step.Outcome.DONE);
        List<ArgoCdStandIn.Operation> ops =
                argo.operations().subList(before, argo.operations().size());
        assertThat(ops)
                .extracting(ArgoCdStandIn.Operation::app)
                .containsExactly("cert-manager", "istio-install", "katib", "pipelines");
        assertThat(ops).allSatisfy(o -> assertThat(o.id()).isEqualTo("sync-mwt7reo0/" + o.app()));
    }

    @Test
    void aFailedSyncFailsTheRunNamingTheApp() throws Exception {
        argo.failWith("katib", "the server could not find the requested resource");
        List<AppStatus> chosen = syncer.select(new Syncer.Selection(List.of("katib"), null, false));

        Step last = syncer.run(chosen, SyncRequest.PLAIN, Duration.ofSeconds(20), "run-f", DeployListener.NONE);

        assertThat(last.outcome()).isEqualTo(Step.Outcome.FAILED);
        assertThat(last.failing()).extracting(Step.Failure::app).containsExactly("katib");
    }

    @Test
    void startLeavesAnAppWithAnOperationRunningAlone() throws Exception {
        argo.behave("katib", ArgoCdStandIn.Behaviour.HANG);
        List<AppStatus> wave2 = syncer.select(new Syncer.Selection(List.of(), 2, false));

        List<Syncer.Started> first = syncer.start(wave2, SyncRequest.PLAIN, "run-a");
        awaitOperationRunning("katib");
        List<Syncer.Started> second = syncer.start(List.of(wave2.get(0)), SyncRequest.PLAIN, "run-b");

        assertThat(first)
                .containsExactly(
                        new Syncer.Started("katib", 2, "started", "sync started"),
                        new Syncer.Started("pipelines", 2, "started", "sync started"));
        assertThat(second)
                .containsExactly(
                        new Syncer.Started("katib", 2, "busy", "an operation is already running; not started"));
    }

    private void awaitOperationRunning(String app) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            long seen = store.version();
            if (store.get(app).map(AppStatus::operationInFlight).orElse(false)) return;
            store.awaitChange(seen, Duration.ofNanos(end - System.nanoTime()));
        }
        throw new AssertionError(app + " never ran an operation");
    }
}
