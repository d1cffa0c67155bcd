package dev.kfboot.cli;

import dev.kfboot.cli.operate.StatusView;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.LastOperation;
import dev.kfboot.cluster.health.HealthStatus;
import dev.kfboot.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusViewTest {

    private static final String REVISION = "0123456789abcdef0123456789abcdef01234567";

    private static List<AppStatus> apps() {
        LastOperation gaveUp = new LastOperation(
                "Failed",
                "one or more objects failed to apply",
                null,
                "2026-01-02T03:04:05Z",
                "2026-01-02T03:05:00Z",
                5,
                REVISION,
                true,
                null);
        LastOperation byHand = new LastOperation(
                "Succeeded", "successfully synced", "kfboot-1", "2026-01-02T03:00:00Z", null, 0, null, false, "admin");
        return List.of(
                new AppStatus(
                        "cert-manager",
                        0,
                        "kubeflow",
                        "Synced",
                        HealthStatus.HEALTHY,
                        "",
                        REVISION,
                        "26.03",
                        false,
                        -1,
                        false,
                        byHand,
                        List.of(),
                        false,
                        null),
                new AppStatus(
                        "kserve",
                        3,
                        "kubeflow",
                        "OutOfSync",
                        HealthStatus.DEGRADED,
                        "Deployment kserve-controller-manager has 0 of 1 ready",
                        REVISION,
                        "HEAD",
                        true,
                        5,
                        false,
                        gaveUp,
                        List.of(new AppStatus.Condition("SyncError", "failed to apply")),
                        false,
                        null),
                new AppStatus(
                        "katib",
                        2,
                        "kubeflow",
                        "",
                        HealthStatus.UNKNOWN,
                        "",
                        "",
                        "HEAD",
                        true,
                        -1,
                        true,
                        null,
                        List.of(),
                        false,
                        null));
    }

    @Test
    void jsonAndYamlMatchTheGoldens() {
        Golden.assertMatches("json/status.json", Structured.write(StatusView.document("argocd", apps()), false));
        Golden.assertMatches("json/status.yaml", Structured.write(StatusView.document("argocd", apps()), true));
    }
}
