package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kfboot.model.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -o json} and {@code -o yaml} on deploy and sync: the run the text shows, as records on stdout, progress on
 * stderr, also when a wave fails.
 */
class OperateJsonOutputTest extends ClusterCliTest {

    @Test
    void deployAsJsonIsTheRunWaveByWaveWithProgressOnStderr() throws Exception {
        CliRun r = cli.run("deploy", cli.tree().toString(), "-o", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("command").asText()).isEqualTo("deploy");
        assertThat(json.get("outcome").asText()).isEqualTo("done");
        assertThat(json.get("namespace").asText()).isEqualTo("argocd");
        assertThat(json.at("/projects/0/action").asText()).isEqualTo("apply-project");
        assertThat(json.at("/projects/0/target").asText()).isEqualTo("kubeflow");
        assertThat(json.at("/projects/0/result").asText()).isEqualTo("created");
        assertThat(texts(json.get("phases"), "phase")).containsExactly("wave 0", "wave 1", "wave 2");
        JsonNode wave2 = json.get("phases").get(2);
        assertThat(wave2.get("wave").asInt()).isEqualTo(2);
        assertThat(texts(wave2.get("apps"), null)).containsExactly("katib", "pipelines");
        assertThat(wave2.get("healthy").asBoolean()).isTrue();
        assertThat(wave2.get("seconds").isNumber()).isTrue();
        List<String> actions = new ArrayList<>();
        wave2.get("actions")
                .forEach(a -> actions.add(a.get("action").asText() + " "
                        + a.get("target").asText() + ": " + a.get("result").asText()));
        assertThat(actions)
                .contains(
                        "create katib: created",
                        "sync katib: started",
                        "sync pipelines: started",
                        "enable-auto-sync katib: switched on")
                .doesNotContain("enable-auto-sync pipelines: switched on");
        assertThat(json.get("failing")).isEmpty();
        assertThat(r.err()).contains("wave 0: cert-manager", "  sync cert-manager: started");
        assertThat(r.out()).doesNotContain("wave 0: cert-manager\n");
    }

    @Test
    void deployDryRunAsYamlIsThePlanWithNoResults() throws Exception {
        CliRun r = cli.run("deploy", cli.tree().toString(), "--dry-run", "-o", "yaml");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode yaml = new YAMLMapper().readTree(r.out());
        assertThat(yaml.get("outcome").asText()).isEqualTo("planned");
        assertThat(texts(yaml.get("phases"), "phase")).containsExactly("wave 0", "wave 1", "wave 2");
        assertThat(yaml.at("/phases/1/actions/1/description").asText()).isEqualTo("sync istio-install");
        assertThat(yaml.at("/phases/1/actions/1/result").asText()).isEmpty();
        assertThat(cli.argo.operations()).isEmpty();
    }

    @Test
    void aFailedWaveIsStillPrintedAsJsonWithTheFailingAppAndExitsThree() throws Exception {
        cli.argo.failWith("istio-install", "one or more synchronization tasks are not valid");

        CliRun r = cli.run("deploy", cli.tree().toString(), "-o", "json", "--timeout", "2m");

        assertThat(r.code()).isEqualTo(3);
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("outcome").asText()).isEqualTo("failed");
        assertThat(json.at("/failing/0/app").asText()).isEqualTo("istio-install");
        assertThat(json.at("/failing/0/reason").asText()).isEqualTo("sync failed");
        assertThat(json.at("/phases/1/healthy").asBoolean()).isFalse();
        assertThat(r.err()).contains("kfboot: error: wave 1 failed: istio-install");
    }

    @Test
    void syncAsJsonAndYamlCarryTheSameRun() throws Exception {
        cli.deployed();

        CliRun r = cli.run("sync", "--all", "-o", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("command").asText()).isEqualTo("sync");
        assertThat(json.get("outcome").asText()).isEqualTo("done");
        assertThat(texts(json.get("phases"), "phase")).containsExactly("wave 0", "wave 1", "wave 2");
        assertThat(json.at("/phases/0/actions/0/description").asText()).isEqualTo("sync cert-manager");
        assertThat(json.at("/phases/0/actions/0/result").asText()).isEqualTo("started");
        assertThat(r.out()).doesNotContain("synced 4 applications");

        CliRun y = cli.run("sync", "katib", "--prune", "-o", "yaml");
        assertThat(y.code()).as(y.err()).isZero();
        JsonNode yaml = new YAMLMapper().readTree(y.out());
        assertThat(yaml.at("/phases/0/actions/0/description").asText()).isEqualTo("sync katib (prune)");
        assertThat(yaml.at("/phases/0/apps/0").asText()).isEqualTo("katib");
    }

    @Test
    void asyncSyncAsJsonListsWhatStarted() throws Exception {
        cli.deployed();

        CliRun r = cli.run("sync", "--wave", "2", "--async", "-o", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("namespace").asText()).isEqualTo("argocd");
        assertThat(json.at("/started/0/app").asText()).isEqualTo("katib");
        assertThat(json.at("/started/0/wave").asInt()).isEqualTo(2);
        assertThat(json.at("/started/1/result").asText()).isEqualTo("started");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }
}
