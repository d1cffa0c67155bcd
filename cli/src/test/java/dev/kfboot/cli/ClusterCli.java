package dev.kfboot.cli;

import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.cluster.testing.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CLI against the mock API server with the Argo CD stand-in: each run is a whole kfboot command line,
 * connected through a kubeconfig like a user's.
 */
final class ClusterCli implements AutoCloseable {

    final MockCluster mock;
    final ArgoCdStandIn argo;
    final Path dir;
    final Path kubeconfig;

    private ClusterCli(Path dir) {
        this.dir = dir;
        this.mock = MockCluster.start().withArgoCrds();
        this.argo = ArgoCdStandIn.start(mock);
        this.kubeconfig = mock.kubeconfig(dir, MockCluster.TOKEN);
    }

    static ClusterCli start(Path dir) {
        return new ClusterCli(dir);
    }

    /** Runs {@code kfboot ARGS --kubeconfig FILE}. */
    CliRun run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--kubeconfig");
        all.add(kubeconfig.toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    /** A tree of four apps in three waves, with an AppProject. */
    Path tree() {
        return Trees.in(dir.resolve("tree"))
                .project("kubeflow")
                .app("cert-manager", 0, true)
                .app("istio-install", 1, true)
                .app("katib", 2, true)
                .app("pipelines", 2, false)
                .dir();
    }

    /** The tree's own repository in {@link #treeWithoutOrigin()}: git does not tell it, --repo-url must. */
    static final String UNTOLD_REPO = "https://git.acme.io/platform.git";

    /** A tree outside git whose app of apps deploys {@code apps/} from {@link #UNTOLD_REPO}. */
    Path treeWithoutOrigin() {
        return Trees.withoutGit(dir.resolve("untold"))
                .app("katib", 2, false)
                .root("platform", UNTOLD_REPO)
                .dir();
    }

    /** Deploys {@link #tree()} and checks it worked. */
    void deployed() {
        CliRun r = run("deploy", tree().toString());
        if (r.code() != 0) throw new AssertionError("deploy failed: " + r.err() + r.out());
    }

    @Override
    public void close() {
        argo.close();
        mock.close();
    }
}
