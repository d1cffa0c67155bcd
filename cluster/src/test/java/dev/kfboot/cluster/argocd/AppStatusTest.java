package dev.kfboot.cluster.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.health.HealthStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** Reading an Application's state, and when automated sync has given up on a revision. */
class AppStatusTest {

    static final KubernetesSerialization JSON = new KubernetesSerialization();

    static AppStatus app(String yaml) {
        return AppStatus.of(JSON.unmarshal(yaml, GenericKubernetesResource.class));
    }

    static final String GAVE_UP = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: katib, namespace: argocd, annotations: {argocd.argoproj.io/sync-wave: "2"}}
            spec:
              source: {repoURL: r, path: p, targetRevision: "26.03"}
              syncPolicy: {automated: {prune: true}, retry: {limit: 5}}
            status:
              sync: {status: OutOfSync, revision: 9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345}
              health: {status: Missing}
              conditions: [{type: SyncError, message: "Failed sync attempt to 9f3c2a1: one or more objects failed to \
            apply"}]
              operationState:
                phase: Failed
                message: one or more objects failed to apply
                retryCount: %d
                operation: {initiatedBy: {automated: true}, sync: {revision: 9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345}}
                syncResult: {revision: %s}
            """;

    @Test
    void automatedSyncThatFailedAfterItsRetriesOnTheCurrentRevisionGaveUp() {
        AppStatus s = app(GAVE_UP.formatted(5, "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345"));

        assertThat(s.wave()).isEqualTo(2);
        assertThat(s.failed()).isTrue();
        assertThat(s.retriesExhausted()).isTrue();
        assertThat(s.health()).isEqualTo(HealthStatus.MISSING);
        assertThat(s.message()).isEqualTo("one or more objects failed to apply");
    }

    @Test
    void notGivenUpWhileRetriesRemainOrOnAnOlderRevision() {
        assertThat(app(GAVE_UP.formatted(2, "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345"))
                        .retriesExhausted())
                .isFalse();
        assertThat(app(GAVE_UP.formatted(5, "0000000000000000000000000000000000000000"))
                        .retriesExhausted())
                .isFalse();
        assertThat(app(GAVE_UP.formatted(5, "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345")
                                .replace("automated: {prune: true}, ", ""))
                        .retriesExhausted())
                .as("manual sync never gives up on its own")
                .isFalse();
    }

    @Test
    void aRequestedOperationIsInFlightEvenBeforeArgoCdStartsIt() {
        AppStatus s = app("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: katib, namespace: argocd}
                operation: {sync: {}, info: [{name: kfboot-operation, value: run/katib}]}
                status: {sync: {status: Synced}, health: {status: Healthy}, operationState: {phase: Succeeded}}
                """);
        assertThat(s.operationInFlight()).isTrue();
        assertThat(s.syncedAndHealthy()).as("not while an operation is pending").isFalse();
        assertThat(s.wave()).isZero();
        assertThat(s.targetRevision()).isEqualTo("HEAD");
    }

    @Test
    void theOperationIdIsRecognisedAndTheTriggerDecidesWithIt() {
        GenericKubernetesResource ran = JSON.unmarshal("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: katib, namespace: argocd}
                status:
                  operationState: {phase: Succeeded, operation: {info: [{name: kfboot-operation, value: run/katib}]}}
                """, GenericKubernetesResource.class);
        assertThat(AppStatus.of(ran).lastOperation().kfbootId()).isEqualTo("run/katib");
        assertThat(OperationTrigger.decide(ran, "run/katib", false)).isEqualTo(OperationTrigger.Outcome.ALREADY_OURS);
        assertThat(OperationTrigger.decide(ran, "other/katib", false)).isEqualTo(OperationTrigger.Outcome.TRIGGERED);
    }

    @Test
    void theInformerCacheKeepsTheSummaryAndDropsTheBulk() {
        GenericKubernetesResource full = JSON.unmarshal(
                GAVE_UP.formatted(5, "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345")
                        .replace(
                                "  health: {status: Missing}",
                                "  health: {status: Missing}\n  resources: [{kind: Deployment, name: a}]\n"
                                        + "  history: [{id: 0, revision: abc}]"),
                GenericKubernetesResource.class);

        GenericKubernetesResource slim = SlimItemStore.slim(full);

        assertThat(JSON.asJson(slim)).doesNotContain("\"resources\"").doesNotContain("\"history\"");
        assertThat(AppStatus.of(slim)).isEqualTo(AppStatus.of(full));
    }
}
