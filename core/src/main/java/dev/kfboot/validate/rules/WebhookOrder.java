package dev.kfboot.validate.rules;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Objects (or the pods of workloads) that a fail-closed admission webhook intercepts (cert-manager's, Istio's
 * sidecar injector) sync in the same wave as the webhook's app or before it: the API server refuses them until
 * the webhook is serving. Driven by the graph's webhook edges, whose reasons name the webhook and the objects.
 */
final class WebhookOrder extends AbstractRule {

    WebhookOrder() {
        super(new RuleInfo(
                "webhook-order",
                Severity.ERROR,
                "Objects go through a fail-closed webhook (cert-manager, Istio injector) before its app is running"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Dependency d : WaveOrder.misordered(ctx, Reason.Kind.WEBHOOK)) {
            List<Reason> reasons = d.reasons().stream()
                    .filter(r -> r.kind() == Reason.Kind.WEBHOOK)
                    .toList();
            if (sharesWebhooks(ctx, d.component(), d.dependsOn()))
                continue; // it ships the webhook itself: duplicate-resource says so
            TreeApp a = ctx.app(d.component());
            out.add(finding(
                    a,
                    WaveOrder.at(a),
                    "webhook " + reasons.get(0).text() + ", but "
                            + WaveOrder.describe(ctx, d.component(), d.dependsOn())
                            + ": the API server refuses them until " + d.dependsOn() + " is serving",
                    WaveOrder.hint(d.component(), d.dependsOn())));
        }
        return out;
    }

    private static boolean sharesWebhooks(ValidationContext ctx, String app, String provider) {
        Set<ResourceId> own = new HashSet<>();
        for (Inventory.Entry e : ctx.inventory().of(app))
            if (!e.object().webhooks().isEmpty()) own.add(e.object().id());
        for (Inventory.Entry e : ctx.inventory().of(provider))
            if (!e.object().webhooks().isEmpty() && own.contains(e.object().id())) return true;
        return false;
    }
}
