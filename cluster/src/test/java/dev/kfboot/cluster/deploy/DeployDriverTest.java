package dev.kfboot.cluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.cluster.testing.Trees;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploys against the mock API server with the Argo CD stand-in. */
class DeployDriverTest {

    @TempDir
    Path dir;

    MockCluster mock;
    ArgoCdStandIn argo;

    @BeforeEach
    void start() {
        mock = MockCluster.start().withArgoCrds();
        argo = ArgoCdStandIn.start(mock);
    }

    @AfterEach
    void stop() {
        argo.close();
        mock.close();
    }

    Path tree() {
        return Trees.in(dir.resolve("tree"))
                .project("kubeflow")
                .app("cert-manager", 0, true)
                .app("istio-crds", 0, true)
                .app("istio-install", 1, true)
                .app("katib", 2, true)
                .app("pipelines", 2, false)
                .root("kubeflow-apps")
                .dir();
    }

    @Test
    void deploysWaveByWaveWithOneOperationPerAppAndAutoSyncHeldUntilItsWaveIsHealthy() throws Exception {
        DeployRun run = new DeployRun().run(mock, dir, tree(), null, Duration.ofSeconds(20));

        assertThat(run.last.outcome()).isEqualTo(Step.Outcome.DONE);
        for (String app :
                List.of("cert-manager", "istio-crds", "istio-install", "katib", "pipelines", "kubeflow-apps")) {
            assertThat(argo.operations(app)).as(app).hasSize(1);
            assertThat(argo.operations(app).get(0).id())
                    .as("started by kfboot, not automated sync")
                    .startsWith("run");
        }
        assertThat(run.syncs())
                .containsExactly("cert-manager", "istio-crds", "istio-install", "katib", "pipelines", "kubeflow-apps");
        // wave 1 starts only after wave 0 is done, and so on
        assertThat(run.log.indexOf("PhaseDone wave 0 ")).isLessThan(run.log.indexOf("CreateApp istio-install created"));
        assertThat(run.log.indexOf("PhaseDone wave 2 ")).isLessThan(run.log.indexOf("CreateApp kubeflow-apps created"));
        assertThat(run.log)
                .contains("EnableAutoSync katib switched on")
                .doesNotContain("EnableAutoSync pipelines switched on");
        assertThat(run.log.get(0)).isEqualTo("ApplyProject kubeflow created");
        try (Cluster c = mock.connect(dir);
                AppStore store = AppStore.start(c, Duration.ofSeconds(5))) {
            assertThat(store.snapshot()).hasSize(6).allMatch(AppStatus::syncedAndHealthy);
            assertThat(store.get("katib").orElseThrow().automated()).isTrue();
            assertThat(store.get("pipelines").orElseThrow().automated()).isFalse();
        }
    }

    @Test
    void reRunningAFinishedDeployChangesNothing() throws Exception {
        new DeployRun().run(mock, dir, tree(), null, Duration.ofSeconds(20));
        int before = argo.operations().size();

        DeployRun again = new DeployRun().run(mock, dir, tree(), null, Duration.ofSeconds(20));

        assertThat(again.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(argo.operations()).hasSize(before);
        assertThat(again.log).allMatch(l -> l.startsWith("PhaseDone"));
    }

    @Test
    void stopsAfterTheWaveAskedForAndContinuesFromThereLater() throws Exception {
        DeployRun first = new DeployRun().run(mock, dir, tree(), 1, Duration.ofSeconds(20));
        assertThat(first.last.outcome()).isEqualTo(Step.Outcome.STOPPED);
        assertThat(first.syncs()).containsExactly("cert-manager", "istio-crds", "istio-install");

        DeployRun rest = new DeployRun().run(mock, dir, tree(), null, Duration.ofSeconds(20));
        assertThat(rest.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(rest.syncs()).containsExactly("katib", "pipelines", "kubeflow-apps");
    }

    @Test
    void aChangedTreeUpdatesTheAppAndSyncsItAgain() throws Exception {
        Path tree = tree();
        new DeployRun().run(mock, dir, tree, null, Duration.ofSeconds(20));
        Trees.in(tree).app("katib", 2, true, "applications/katib/upstream/installs/katib-with-kubeflow");

        DeployRun again = new DeployRun().run(mock, dir, tree, null, Duration.ofSeconds(20));

        assertThat(again.last.outcome()).isEqualTo(Step.Outcome.DONE);
        assertThat(again.log)
                .contains("UpdateApp katib updated", "Sync katib started", "EnableAutoSync katib switched on");
        assertThat(argo.operations("katib")).hasSize(2);
        assertThat(argo.operations("pipelines")).hasSize(1);
    }
}
