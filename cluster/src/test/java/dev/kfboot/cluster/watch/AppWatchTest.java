package dev.kfboot.cluster.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.LastOperation;
import dev.kfboot.cluster.health.HealthStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The watch as a pure step function: followed apps and the informer's view in, where it stands out. */
class AppWatchTest {

    static AppStatus app(String name, int wave, String sync, HealthStatus health, String opPhase, boolean inFlight) {
        LastOperation op = opPhase == null
                ? null
                : new LastOperation(
                        opPhase,
                        opPhase + ": one or more objects failed to apply",
                        null,
                        null,
                        null,
                        0,
                        null,
                        false,
                        null);
        return new AppStatus(
                name, wave, "default", sync, health, "", "abc", "main", false, -1, inFlight, op, List.of(), false,
                null);
    }

    static AppStatus healthy(String name, int wave) {
        return app(name, wave, "Synced", HealthStatus.HEALTHY, "Succeeded", false);
    }

    static AppStatus progressing(String name, int wave) {
        return app(name, wave, "Synced", HealthStatus.PROGRESSING, "Succeeded", false);
    }

    @Test
    void everyAppSyncedAndHealthyIsDone() {
        WatchStep step = AppWatch.step(null, List.of(healthy("cert-manager", 0), healthy("katib", 2)), false);

        assertThat(step.outcome()).isEqualTo(WatchStep.Outcome.DONE);
        assertThat(step.apps()).extracting(AppStatus::name).containsExactly("cert-manager", "katib");
        assertThat(step.waves()).allMatch(WaveProgress::done);
    }

    @Test
    void appsOnTheirWayWaitWithTheProgressOfEachWave() {
        WatchStep step = AppWatch.step(
                null,
                List.of(
                        progressing("katib", 2),
                        healthy("istio", 1),
                        healthy("cert-manager", 0),
                        healthy("pipelines", 2)),
                false);

        assertThat(step.outcome()).isEqualTo(WatchStep.Outcome.WAITING);
        assertThat(step.waves())
                .extracting(w -> w.wave() + ":" + w.ready() + "/" + w.apps().size())
                .containsExactly("0:1/1", "1:1/1", "2:1/2");
        assertThat(step.waves().get(2).pending()).extracting(AppStatus::name).containsExactly("katib");
        assertThat(step.notReady()).isEmpty();
    }

    @Test
    void aFailedSyncEndsTheWatchNamingTheAppAndWhy() {
        AppStatus failed = app("istio-install", 1, "OutOfSync", HealthStatus.MISSING, "Failed", false);

        WatchStep step = AppWatch.step(null, List.of(healthy("cert-manager", 0), failed), false);

        assertThat(step.outcome()).isEqualTo(WatchStep.Outcome.FAILED);
        assertThat(step.failed().name()).isEqualTo("istio-install");
        assertThat(step.reason()).isEqualTo("Failed: one or more objects failed to apply");
    }

    @Test
    void aFailedSyncWinsOverThePassedDeadline() {
        AppStatus failed = app("istio-install", 1, "OutOfSync", HealthStatus.MISSING, "Error", false);

        assertThat(AppWatch.step(null, List.of(failed), true).outcome()).isEqualTo(WatchStep.Outcome.FAILED);
    }

    @Test
    void aRetriedSyncInFlightIsNotAFailureYet() {
        AppStatus retrying = app("istio-install", 1, "OutOfSync", HealthStatus.MISSING, "Failed", true);

        assertThat(AppWatch.step(null, List.of(retrying), false).outcome()).isEqualTo(WatchStep.Outcome.WAITING);
    }

    @Test
    void theDeadlineNamesTheAppsNotReadyThenThoseNotCreated() {
        WatchStep step = AppWatch.step(
                Set.of("cert-manager", "katib", "pipelines", "istio"),
                List.of(healthy("cert-manager", 0), progressing("katib", 2)),
                true);

        assertThat(step.outcome()).isEqualTo(WatchStep.Outcome.TIMED_OUT);
        assertThat(step.notReady()).containsExactly("katib", "istio", "pipelines");
    }

    @Test
    void aTreesAppsNotCreatedYetKeepItWaitingAndOthersAreIgnored() {
        Set<String> tree = Set.of("cert-manager", "katib");

        WatchStep step = AppWatch.step(tree, List.of(healthy("cert-manager", 0), healthy("unrelated", 3)), false);

        assertThat(step.outcome()).isEqualTo(WatchStep.Outcome.WAITING);
        assertThat(step.apps()).extracting(AppStatus::name).containsExactly("cert-manager");
        assertThat(step.absent()).containsExactly("katib");
        WatchStep later =
                AppWatch.step(tree, List.of(healthy("cert-manager", 0), healthy("katib", 2), healthy("x", 3)), false);
        assertThat(later.outcome()).isEqualTo(WatchStep.Outcome.DONE);
    }

    @Test
    void noApplicationsAtAllIsNeverDoneAndTimesOutWithNothingToName() {
        assertThat(AppWatch.step(null, List.of(), false).outcome()).isEqualTo(WatchStep.Outcome.WAITING);

        WatchStep step = AppWatch.step(null, List.of(), true);
        assertThat(step.outcome()).isEqualTo(WatchStep.Outcome.TIMED_OUT);
        assertThat(step.notReady()).isEmpty();
    }

    @Test
    void anOperationInFlightOnAHealthyAppIsNotDone() {
        AppStatus syncing = app("katib", 2, "Synced", HealthStatus.HEALTHY, "Running", true);

        WatchStep step = AppWatch.step(null, List.of(healthy("cert-manager", 0), syncing), false);

        assertThat(step.outcome()).isEqualTo(WatchStep.Outcome.WAITING);
        assertThat(step.waves().get(1).ready()).isZero();
    }
}
