package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code kfboot deploy} against the mock API server and the Argo CD stand-in. */
class DeployCommandTest extends ClusterCliTest {

    @Test
    void deploysWaveByWaveAndSaysWhatItDoes() {
        CliRun r = cli.run("deploy", cli.tree().toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "  apply AppProject kubeflow: created",
                        "wave 0: cert-manager",
                        "  create Application cert-manager (automated sync held until its wave is healthy): created",
                        "  sync cert-manager: started",
                        "  switch on automated sync of cert-manager: switched on",
                        "wave 2: katib, pipelines",
                        "done: all 4 applications are Synced and Healthy");
        assertThat(r.out().indexOf("wave 0: Synced and Healthy in"))
                .isLessThan(r.out().indexOf("wave 1: istio-install"));
        assertThat(r.out()).doesNotContain("switch on automated sync of pipelines");
        assertThat(cli.argo.operations()).hasSize(4);
        assertThat(r.err()).startsWith("kfboot: warning: argocd-cm has no argoproj.io/Application health check");
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() {
        CliRun r = cli.run("deploy", cli.tree().toString(), "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("dry run: nothing is changed")
                .contains(
                        "  apply AppProject kubeflow",
                        "wave 1: istio-install",
                        "  sync istio-install",
                        "  switch on automated sync of katib",
                        "wave 2: Synced and Healthy");
        assertThat(cli.mock.requests())
                .noneMatch(l -> l.startsWith("POST /apis/argoproj") || l.startsWith("PUT ") || l.startsWith("PATCH "));
        assertThat(cli.argo.operations()).isEmpty();
    }

    /** A dry run's report has no times or run-specific values, so it is compared whole. */
    @Test
    void dryRunAsJsonAndYamlMatchTheGoldens() {
        CliRun json = cli.run("deploy", cli.tree().toString(), "--dry-run", "-o", "json");
        CliRun yaml = cli.run("deploy", cli.tree().toString(), "--dry-run", "-o", "yaml");

        assertThat(json.code()).as(json.err()).isZero();
        assertThat(yaml.code()).as(yaml.err()).isZero();
        Golden.assertMatches("json/deploy-dry-run.json", OutputGoldens.relative(json.out(), dir));
        Golden.assertMatches("json/deploy-dry-run.yaml", OutputGoldens.relative(yaml.out(), dir));
    }

    @Test
    void dryRunAfterAPartialDeployShowsOnlyWhatIsLeft() {
        assertThat(cli.run("deploy", cli.tree().toString(), "--wave", "0").code())
                .isZero();

        CliRun r = cli.run("deploy", cli.tree().toString(), "--dry-run");

        assertThat(r.out())
                .contains("wave 0: Synced and Healthy", "  create Application istio-install")
                .doesNotContain("create Application cert-manager")
                .doesNotContain("sync cert-manager");
    }

    @Test
    void stopsAfterTheWaveAskedFor() {
        CliRun r = cli.run("deploy", cli.tree().toString(), "--wave", "1");

        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("stopped after wave 1 as asked; run without --wave to go on")
                .doesNotContain("katib");
    }

    @Test
    void aFailingWaveExitsThreeWithTheAppItsConditionAndLastOperationThenResumes() {
        cli.argo.failWith(
                "katib",
                "one or more objects failed to apply, reason: admission webhook "
                        + "\"webhook.cert-manager.io\" denied the request");

        CliRun r = cli.run("deploy", cli.tree().toString());

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "wave 2 failed:",
                        "  katib: sync failed",
                        "    condition SyncError: Failed sync attempt to",
                        "    last operation Failed: one or more objects failed to apply, reason: admission webhook",
                        "kfboot: error: wave 2 failed: katib",
                        "  hint: fix the cause (`kfboot describe katib`, `kfboot logs katib`), then `kfboot deploy "
                                + cli.tree() + "` continues at wave 2");
        assertThat(r.noStackTrace()).isTrue();

        cli.argo.behave("katib", ArgoCdStandIn.Behaviour.SUCCEED);
        CliRun again = cli.run("deploy", cli.tree().toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out())
                .contains("wave 0: already Synced and Healthy", "  sync katib: started")
                .doesNotContain("sync cert-manager");
    }

    @Test
    void aWaveThatNeverGetsHealthyTimesOutWithExitThree() {
        cli.argo.behave("istio-install", ArgoCdStandIn.Behaviour.NEVER_HEALTHY);

        CliRun r = cli.run("deploy", cli.tree().toString(), "--timeout", "2s");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("  istio-install: Synced/Progressing: Waiting for rollout to finish");
        assertThat(r.err())
                .contains(
                        "wave 1 timed out; not Synced and Healthy:",
                        "  istio-install: Synced/Progressing: Waiting for rollout to finish: 0 "
                                + "of 1 updated replicas are available...",
                        "kfboot: error: wave 1 did not become Synced and Healthy in time: istio-install",
                        "raise --timeout");
    }

    @Test
    void anAppOfAppsFromAnUnknownRepositoryIsRefusedUntilRepoUrlNamesTheCheckout() {
        Path tree = cli.treeWithoutOrigin();

        CliRun refused = cli.run("deploy", tree.toString());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err())
                .startsWith(
                        "kfboot: error: platform.yaml:1: Application platform deploys into Argo CD's namespace argocd "
                                + "from " + ClusterCli.UNTOLD_REPO
                                + ", which has no local checkout, so kfboot cannot tell "
                                + "whether it is an app of apps\n")
                .contains("--repo-url " + ClusterCli.UNTOLD_REPO);
        assertThat(cli.mock.requests()).isEmpty();

        CliRun r = cli.run("deploy", tree.toString(), "--repo-url", ClusterCli.UNTOLD_REPO, "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().indexOf("  sync katib")).isLessThan(r.out().indexOf("  sync platform"));
        assertThat(r.out()).contains("  create Application platform");
    }

    @Test
    void badInputExitsTwoBeforeTouchingTheCluster() throws Exception {
        CliRun missing = cli.run("deploy", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains(dir.resolve("nope") + ": not a directory");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun none = cli.run("deploy", empty.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no Argo CD Application found in the YAML files");

        CliRun wave = cli.run("deploy", cli.tree().toString(), "--wave", "7");
        assertThat(wave.code()).isEqualTo(2);
        assertThat(wave.err()).isEqualTo("kfboot: error: the tree has no wave 7\n  hint: its waves: [0, 1, 2]\n");
        assertThat(cli.mock.requests()).isEmpty();
    }
}
