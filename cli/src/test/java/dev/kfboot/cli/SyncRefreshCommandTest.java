package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.testing.ArgoCdStandIn;
import dev.kfboot.model.Fields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code kfboot sync} and {@code kfboot refresh}. */
class SyncRefreshCommandTest extends ClusterCliTest {

    @BeforeEach
    void start() {
        cli.deployed();
    }

    @Test
    void syncAllGoesInWaveOrderOneOperationEach() {
        int before = cli.argo.operations().size();

        CliRun r = cli.run("sync", "--all");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> synced = cli
                .argo
                .operations()
                .subList(before, cli.argo.operations().size())
                .stream()
                .map(ArgoCdStandIn.Operation::app)
                .toList();
        assertThat(synced).containsExactly("cert-manager", "istio-install", "katib", "pipelines");
        assertThat(r.out())
                .contains("wave 0: cert-manager", "  sync cert-manager: started", "wave 2: Synced and Healthy in")
                .endsWith("synced 4 applications\n");
    }

    @Test
    void optionsBecomeTheOperationsSyncOptions() {
        CliRun r = cli.run("sync", "katib", "--prune", "--force", "--replace", "--server-side");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  sync katib (prune force Replace=true ServerSideApply=true): started");
        Map<String, Object> op = cli.argo.operations("katib").get(1).request();
        assertThat(Fields.bool(op, "sync", "prune")).isTrue();
        assertThat(Fields.list(op, "sync", "syncOptions")).containsExactly("Replace=true", "ServerSideApply=true");
        assertThat(Fields.bool(op, "sync", "syncStrategy", "hook", "force")).isTrue();
        assertThat(Fields.string(op, "initiatedBy", "username")).isEqualTo("kfboot");
    }

    @Test
    void syncOfAWaveAndAsync() {
        CliRun wave = cli.run("sync", "--wave", "2", "--async");
        assertThat(wave.code()).isZero();
        assertThat(wave.out()).isEqualTo("wave 2 katib: sync started\nwave 2 pipelines: sync started\n");
    }

    @Test
    void aFailedSyncExitsThree() {
        cli.argo.failWith("istio-install", "one or more synchronization tasks are not valid");

        CliRun r = cli.run("sync", "istio-install", "--timeout", "2m"); // a lost failure fails in minutes, not ten

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("  istio-install: sync failed", "kfboot: error: wave 1 failed: istio-install");
    }

    @Test
    void badSelectionsExitTwo() {
        CliRun none = cli.run("sync");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("kfboot: error: nothing to sync\n");

        CliRun unknown = cli.run("sync", "kserve");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .isEqualTo("kfboot: error: no Application 'kserve' in namespace argocd\n"
                        + "  hint: Applications there: cert-manager, istio-install, katib, pipelines\n");

        CliRun both = cli.run("sync", "katib", "--all");
        assertThat(both.code()).isEqualTo(2);
    }

    @Test
    void refreshWaitsUntilArgoCdHasProcessedIt() {
        CliRun r = cli.run("refresh", "katib", "--hard");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("katib: refreshed (hard), Synced/Healthy\n");
        assertThat(cli.argo.refreshes()).containsExactly("katib:hard");

        CliRun all = cli.run("refresh", "--all");
        assertThat(all.code()).isZero();
        assertThat(cli.argo.refreshes()).hasSize(5).contains("pipelines:normal");
    }
}
