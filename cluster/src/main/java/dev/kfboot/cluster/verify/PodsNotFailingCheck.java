package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** No pod in the apps' namespaces is in CrashLoopBackOff or cannot pull its image. */
public final class PodsNotFailingCheck implements Check<VerifyContext> {

    static final Set<String> FAILING = Set.of(
            "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError");

    @Override
    public String id() {
        return "pods-not-failing";
    }

    @Override
    public String title() {
        return "no pod in CrashLoopBackOff or ImagePullBackOff";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (String ns : ctx.namespaces()) {
            List<Pod> pods = ctx.cluster()
                    .call(
                            "listing pods in " + ns,
                            () -> ctx.cluster()
                                    .client()
                                    .pods()
                                    .inNamespace(ns)
                                    .list()
                                    .getItems());
            total += pods.size();
            for (Pod p : pods) {
                if (p.getStatus() == null) continue;
                List<ContainerStatus> statuses = new ArrayList<>(p.getStatus().getInitContainerStatuses());
                statuses.addAll(p.getStatus().getContainerStatuses());
                for (ContainerStatus c : statuses) {
                    var waiting = c.getState() == null ? null : c.getState().getWaiting();
                    if (waiting != null && FAILING.contains(waiting.getReason())) {
                        problems.add(
                                "-n " + ns + " pod/" + p.getMetadata().getName() + " container " + c.getName() + ": "
                                        + waiting.getReason()
                                        + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage())
                                        + " (restarts: " + c.getRestartCount() + ")");
                    }
                }
            }
        }
        return CheckResult.counted(this, total, problems, "pods");
    }
}
