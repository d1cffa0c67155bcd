package dev.kfboot.cluster.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.deploy.DeployDriver;
import dev.kfboot.cluster.deploy.DeployListener;
import dev.kfboot.cluster.deploy.DeployPlan;
import dev.kfboot.cluster.deploy.DeployTree;
import dev.kfboot.cluster.deploy.Step;
import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.cluster.testing.Trees;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch driven by the informer's events against the mock API server and the Argo CD stand-in. */
class AppWatcherTest {

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

    @Test
    void followsATreesAppsFromAbsentUntilEveryOneIsHealthy() throws Exception {
        Path tree = Trees.in(dir.resolve("tree"))
                .project("kubeflow")
                .app("cert-manager", 0, true)
                .app("katib", 1, true)
                .dir();
        List<WatchStep> seen = new CopyOnWriteArrayList<>();
        try (Cluster c = mock.connect(dir);
                AppStore store = AppStore.start(c, Duration.ofSeconds(10))) {
            CompletableFuture<WatchStep> watch = CompletableFuture.supplyAsync(() -> {
                try {
                    return new AppWatcher(store, System::nanoTime)
                            .run(Set.of("cert-manager", "katib"), Duration.ofSeconds(20), seen::add);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Step deployed = new DeployDriver(new Applications(c), store, DeployListener.NONE, Clock.systemUTC())
                    .run(DeployPlan.of(DeployTree.read(tree, "argocd"), null), Duration.ofSeconds(20), "run");
            assertThat(deployed.outcome()).isEqualTo(Step.Outcome.DONE);

            WatchStep last = watch.get(20, TimeUnit.SECONDS);

            assertThat(last.outcome()).isEqualTo(WatchStep.Outcome.DONE);
            assertThat(seen.get(0).outcome()).isEqualTo(WatchStep.Outcome.WAITING);
            assertThat(seen.get(0).absent()).containsExactly("cert-manager", "katib");
            assertThat(seen).last().isSameAs(last);
        }
    }

    @Test
    void withoutEventsTheDeadlineEndsTheWatch() throws Exception {
        try (Cluster c = mock.connect(dir);
                AppStore store = AppStore.start(c, Duration.ofSeconds(10))) {
            List<WatchStep> seen = new CopyOnWriteArrayList<>();

            WatchStep last = new AppWatcher(store, System::nanoTime).run(null, Duration.ofMillis(300), seen::add);

            assertThat(last.outcome()).isEqualTo(WatchStep.Outcome.TIMED_OUT);
            assertThat(seen).extracting(WatchStep::outcome).endsWith(WatchStep.Outcome.TIMED_OUT);
        }
    }
}
