package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;

/** Every Argo CD Application is Synced and Healthy. */
public final class AppsSyncedHealthyCheck implements Check<VerifyContext> {

    @Override
    public String id() {
        return "apps-synced-healthy";
    }

    @Override
    public String title() {
        return "every Argo CD application is Synced and Healthy";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource a : ctx.apps()) {
            AppStatus s = AppStatus.of(a);
            if (!s.syncedAndHealthy()) {
                String msg = s.message();
                problems.add(
                        s.name() + ": " + s.syncLabel() + "/" + s.health().label() + (msg.isEmpty() ? "" : ": " + msg));
            }
        }
        if (ctx.apps().isEmpty()) {
            return CheckResult.fail(
                    this,
                    "no Applications in " + ctx.cluster().argoNamespace(),
                    List.of("nothing is deployed: run kfboot deploy DIR"));
        }
        return CheckResult.counted(this, ctx.apps().size(), problems, "applications");
    }
}
