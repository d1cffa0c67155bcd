package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.testing.MockCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Runs a deploy the way the CLI does (kubeconfig, informer, driver) and keeps a log of its actions. */
final class DeployRun {

    final List<String> log = new ArrayList<>();
    Step last;
    private BiConsumer<Action, String> onAction = (a, r) -> {};

    DeployRun onAction(BiConsumer<Action, String> f) {
        onAction = f;
        return this;
    }

    DeployRun run(MockCluster mock, Path dir, Path tree, Integer stopAfter, Duration timeout)
            throws InterruptedException {
        try (Cluster c = mock.connect(dir);
                AppStore store = AppStore.start(c, Duration.ofSeconds(10))) {
            DeployDriver d = new DeployDriver(
                    new Applications(c),
                    store,
                    new DeployListener() {
                        @Override
                        public void executed(Action a, String result) {
                            log.add(a.getClass().getSimpleName() + " " + name(a) + " " + result);
                            onAction.accept(a, result);
                        }
                    },
                    Clock.systemUTC());
            last = d.run(DeployPlan.of(DeployTree.read(tree, "argocd"), stopAfter), timeout, "run" + System.nanoTime());
        }
        return this;
    }

    List<String> syncs() {
        return log.stream()
                .filter(l -> l.startsWith("Sync "))
                .map(l -> l.split(" ")[1])
                .toList();
    }

    static String name(Action a) {
        if (a instanceof Action.CreateApp c) return c.app();
        if (a instanceof Action.UpdateApp u) return u.app();
        if (a instanceof Action.Sync s) return s.app();
        if (a instanceof Action.EnableAutoSync e) return e.app();
        if (a instanceof Action.ApplyProject p) return p.name();
        if (a instanceof Action.StartPhase s) return s.phase().label();
        if (a instanceof Action.PhaseDone d) return d.phase().label();
        return "?";
    }
}
