package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.ArgoResources;
import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.model.Json;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code kfboot status} and {@code kfboot watch}. */
class StatusWatchCommandTest extends ClusterCliTest {

    @Test
    void statusShowsEveryAppAndExitsZeroWhenAllAreSyncedAndHealthy() {
        cli.deployed();

        CliRun r = cli.run("status");

        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("WAVE  APP            SYNC    HEALTH   REVISION  LAST-OP    AUTO-SYNC  MESSAGE");
        assertThat(lines[1]).matches("0     cert-manager   Synced  Healthy  [0-9a-f]{7}   Succeeded  on");
        assertThat(lines[4]).matches("2     pipelines      Synced  Healthy  [0-9a-f]{7}   Succeeded  off");
        assertThat(r.out()).endsWith("\n4 of 4 applications Synced and Healthy\n");
    }

    @Test
    void statusFlagsAnAutomatedSyncThatGaveUpAndExitsOne() {
        cli.deployed();
        // Argo CD's automated sync fails on a new revision and, after its retries, does not try it again.
        cli.argo.failWith("katib", "one or more objects failed to apply");
        cli.mock
                .client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace("argocd")
                .withName("katib")
                .edit(a -> {
                    @SuppressWarnings("unchecked")
                    var status =
                            (Map<String, Object>) a.getAdditionalProperties().get("status");
                    status.put(
                            "sync",
                            Map.of("status", "OutOfSync", "revision", "1111111111111111111111111111111111111111"));
                    return a;
                });
        awaitFailed("katib");

        CliRun r = cli.run("status");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("2     katib +OutOfSync +Missing +[0-9a-f]{7} +Failed +gave up! +one or "
                        + "more objects failed to apply")
                .containsPattern("! automated sync of katib gave up on revision [0-9a-f]{7} after 5 "
                        + "retries; Argo CD will not try it again: fix the cause, then `kfboot sync katib`")
                .endsWith("3 of 4 applications Synced and Healthy\n");
        JsonNode json =
                Json.mapper().valueToTree(parse(cli.run("status", "-o", "json").out()));
        JsonNode katib = json.get("apps").get(2);
        assertThat(katib.get("name").asText()).isEqualTo("katib");
        assertThat(katib.get("retriesExhausted").asBoolean()).isTrue();
        assertThat(katib.get("lastOperation").get("initiatedBy").asText()).isEqualTo("automated sync");
        assertThat(json.get("syncedAndHealthy").asInt()).isEqualTo(3);
    }

    @Test
    void describeAndHistorySpeakJsonAndYaml() throws Exception {
        cli.deployed();

        JsonNode d = Json.mapper()
                .readTree(cli.run("describe", "katib", "-o", "json").out());
        assertThat(d.path("name").asText()).isEqualTo("katib");
        assertThat(d.path("namespace").asText()).isEqualTo("argocd");
        assertThat(d.path("wave").asInt()).isEqualTo(2);
        assertThat(d.path("sync").asText()).isEqualTo("Synced");
        assertThat(d.path("health").asText()).isEqualTo("Healthy");
        assertThat(d.path("lastOperation").path("phase").asText()).isEqualTo("Succeeded");
        assertThat(cli.run("describe", "katib").out())
                .contains("Wave:          2")
                .contains("Health:        Healthy");
        assertThat(new YAMLMapper()
                        .readTree(cli.run("describe", "katib", "-o", "yaml").out()))
                .isEqualTo(d);

        CliRun text = cli.run("history", "katib");
        JsonNode h =
                Json.mapper().readTree(cli.run("history", "katib", "-o", "json").out());
        assertThat(h.path("app").asText()).isEqualTo("katib");
        assertThat(h.path("history").size()).isPositive().isEqualTo(text.out().split("\n").length - 1);
        assertThat(text.out())
                .contains(h.path("history").get(0).path("deployedAt").asText());
    }

    @Test
    void statusHelpSaysWhatItsExitStatusMeans() {
        String help = CliRun.of("status", "--help").out().replaceAll("\\s+", " ");
        assertThat(help)
                .contains("Exit status: 0 only when every Application is Synced and Healthy, else 1")
                .contains("0 every application is Synced and Healthy")
                .contains("1 some application is not (or there are none)");
    }

    @Test
    void statusWithoutApplicationsExitsOne() {
        CliRun r = cli.run("status");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("no Applications in namespace argocd (deploy with `kfboot deploy DIR`, "
                        + "or check --namespace)\n");
    }

    @Test
    void watchFollowsADeployInPlainLinesUntilEverythingIsHealthy() throws Exception {
        String tree = cli.tree().toString();
        CompletableFuture<CliRun> watch =
                CompletableFuture.supplyAsync(() -> cli.run("watch", tree, "--timeout", "30s"));
        // the deploy starts once watch follows the Applications (it reads the tree first)
        for (int i = 0; i < 200 && cli.mock.countRequests("GET", "/applications?allowWatchBookmarks=true") == 0; i++)
            Thread.sleep(50);
        cli.deployed();

        CliRun r = watch.get();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("\\+[0-9.]+s wave 0 cert-manager: not compared by Argo CD yet")
                .containsPattern("wave 2 katib: .* -> Synced/Healthy")
                .containsPattern("\\+[0-9.]+s wave 1: all 1 apps Synced and Healthy")
                .endsWith("4 of 4 applications Synced and Healthy\n");
    }

    @Test
    void watchEndsWithExitThreeWhenASyncFails() {
        cli.argo.failWith("istio-install", "the server could not find the requested resource");
        cli.run("deploy", cli.tree().toString());

        CliRun r = cli.run("watch", "--timeout", "5s");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err())
                .startsWith("kfboot: error: sync of istio-install failed: the server could not find "
                        + "the requested resource\n");
    }

    @Test
    void watchTimesOutWithExitThree() {
        cli.argo.behave("katib", ArgoCdStandIn.Behaviour.NEVER_HEALTHY);
        cli.run("deploy", cli.tree().toString(), "--timeout", "1s");

        CliRun r = cli.run("watch", "--timeout", "1s");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("kfboot: error: not Synced and Healthy after 1s: katib\n");
    }

    @Test
    void watchReadsTheTreeWithTheSameCheckoutOptionsAsValidate() {
        String tree = cli.treeWithoutOrigin().toString();

        CliRun refused = cli.run("watch", tree, "--timeout", "1s");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("Application platform deploys into Argo CD's namespace argocd");

        CliRun r = cli.run("watch", tree, "--repo-url", ClusterCli.UNTOLD_REPO, "--timeout", "1s");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("kfboot: error: not Synced and Healthy after 1s: katib, platform\n");
    }

    private void awaitFailed(String app) {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            var a = cli.mock
                    .client()
                    .genericKubernetesResources(ArgoResources.APPLICATION)
                    .inNamespace("argocd")
                    .withName(app)
                    .get();
            if (AppStatus.of(a).failed()) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(app + " did not fail");
    }

    private static Object parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
