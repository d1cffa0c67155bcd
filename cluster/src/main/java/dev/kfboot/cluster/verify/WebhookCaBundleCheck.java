package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.model.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every webhook that calls a Service, and every CRD conversion webhook, carries a caBundle: none ships one
 * (facts.md), cert-manager's cainjector or the webhook's own controller fills it in, and until then the API
 * server cannot call it and every request it intercepts fails.
 */
public final class WebhookCaBundleCheck implements Check<VerifyContext> {

    @Override
    public String id() {
        return "webhooks-ca-bundle";
    }

    @Override
    public String title() {
        return "webhook configurations carry a caBundle";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (ManagedResource r : ctx.managed(r -> r.is("admissionregistration.k8s.io", "MutatingWebhookConfiguration")
                || r.is("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"))) {
            Map<String, Object> live = ctx.live(r);
            if (live == null) {
                total++;
                problems.add(r.id() + ": missing");
                continue;
            }
            for (Map<String, Object> w : Fields.maps(live, "webhooks")) {
                if (!Fields.has(w, "clientConfig", "service")) continue;
                total++;
                if (Fields.stringOr(w, "", "clientConfig", "caBundle").isEmpty()) {
                    problems.add(r.id() + " webhook " + Fields.string(w, "name") + ": no caBundle");
                }
            }
        }
        for (ManagedResource r : ctx.managed(r -> r.is("apiextensions.k8s.io", "CustomResourceDefinition"))) {
            Map<String, Object> live = ctx.live(r);
            if (live == null || !"Webhook".equals(Fields.string(live, "spec", "conversion", "strategy"))) continue;
            total++;
            if (Fields.stringOr(live, "", "spec", "conversion", "webhook", "clientConfig", "caBundle")
                    .isEmpty()) {
                problems.add(r.id() + " conversion webhook: no caBundle");
            }
        }
        return CheckResult.counted(this, total, problems, "webhooks");
    }
}
