package dev.kfboot.cluster.preflight;

import dev.kfboot.catalog.Requests;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The allocatable CPU and memory of the nodes Kubeflow's pods can land on cover what the platform's components
 * request (the release README's figures, {@link dev.kfboot.needs.ClusterNeeds#total()}). A node counts when it is
 * Ready, not cordoned, and has no NoSchedule or NoExecute taint: Kubeflow's workloads carry no tolerations for them
 * (a control-plane node's taint keeps them off it). Requests of pods already running are not subtracted: the
 * figure is the cluster's size, not its free room.
 */
public final class NodeCapacityCheck implements Check<PreflightContext> {

    private static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024L);

    @Override
    public String id() {
        return "node-capacity";
    }

    @Override
    public String title() {
        return "schedulable nodes have the CPU and memory the platform requests";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        List<Node> nodes = ctx.cluster()
                .call(
                        "listing nodes",
                        () -> ctx.cluster().client().nodes().list().getItems());
        BigDecimal cpu = BigDecimal.ZERO;
        BigDecimal memory = BigDecimal.ZERO;
        int counted = 0;
        List<String> skipped = new ArrayList<>();
        for (Node n : nodes) {
            String why = notSchedulable(n);
            if (why != null) {
                skipped.add("node " + n.getMetadata().getName() + ": " + why + ", not counted");
                continue;
            }
            counted++;
            cpu = cpu.add(amount(n, "cpu"));
            memory = memory.add(amount(n, "memory"));
        }
        Requests need = ctx.needs().total();
        long cpuMillis = cpu.movePointRight(3).longValue();
        long memoryMiB = memory.divide(MI, 0, RoundingMode.DOWN).longValue();
        String detail = cpuText(cpuMillis) + " CPU, " + memoryText(memoryMiB) + " allocatable on " + counted + " of "
                + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + "; the platform requests "
                + cpuText(need.cpuMillis()) + " CPU, " + memoryText(need.memoryMiB());
        boolean enough = cpuMillis >= need.cpuMillis() && memoryMiB >= need.memoryMiB();
        if (enough) return CheckResult.pass(this, detail).withProblems(skipped);
        String hint = counted == 0
                ? "no node can take Kubeflow's pods: add nodes, or uncordon or untaint one"
                : "add nodes or larger ones, or disable components in the platform spec "
                        + "(`kfboot catalog show COMPONENT` shows what each requests)";
        return CheckResult.of(this, CheckStatus.FAIL, detail, hint).withProblems(skipped);
    }

    /** Why pods cannot be scheduled on the node, or null when they can. */
    static String notSchedulable(Node n) {
        if (n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable())) return "cordoned";
        if (n.getSpec() != null && n.getSpec().getTaints() != null) {
            for (Taint t : n.getSpec().getTaints()) {
                if ("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect())) {
                    return "tainted " + t.getKey() + (t.getValue() == null ? "" : "=" + t.getValue()) + ":"
                            + t.getEffect();
                }
            }
        }
        List<NodeCondition> conditions =
                n.getStatus() == null ? List.of() : n.getStatus().getConditions();
        boolean ready = conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        return ready ? null : "not Ready";
    }

    private static BigDecimal amount(Node n, String resource) {
        Map<String, Quantity> allocatable =
                n.getStatus() == null ? null : n.getStatus().getAllocatable();
        Quantity q = allocatable == null ? null : allocatable.get(resource);
        return q == null ? BigDecimal.ZERO : q.getNumericalAmount();
    }

    /** 4380 as "4.38". */
    static String cpuText(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** 12341 MiB as "12.1 GiB". */
    static String memoryText(long mib) {
        return String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0);
    }
}
