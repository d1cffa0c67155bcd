package dev.kfboot.validate.rules;

import dev.kfboot.argocd.AppNeeds;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Fields;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A field filled in at runtime with no ignoreDifferences hiding it, on the app or in argocd-cm: a caBundle
 * (cert-manager's cainjector or the webhook's own controller, on webhook configurations and CRD conversion
 * webhooks) or the data of a Secret shipped empty (webhook certificates its controller writes). The app stays
 * OutOfSync, and with selfHeal Argo CD keeps re-syncing it, wiping what the controller wrote.
 */
final class InjectedFieldDrift extends AbstractRule {

    InjectedFieldDrift() {
        super(new RuleInfo(
                "injected-field-drift",
                Severity.WARNING,
                "An injected caBundle (webhooks, CRD conversion) has no "
                        + "ignoreDifferences, so the app stays OutOfSync"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.appsWithObjects()) {
            Map<ResourceId, Integer> webhookCounts = new HashMap<>();
            for (Inventory.Entry e : ctx.inventory().of(app.id()))
                webhookCounts.put(e.object().id(), e.object().webhooks().size());
            List<AppNeeds.Injected> uncovered = new ArrayList<>();
            Map<ResourceId, Inventory.Entry> byId = new HashMap<>();
            for (Inventory.Entry e : ctx.inventory().of(app.id()))
                byId.put(e.object().id(), e);
            List<AppNeeds.Injected> candidates =
                    new ArrayList<>(ctx.needs(app.id()).injected());
            for (Inventory.Entry e : ctx.inventory().of(app.id())) {
                // a placeholder caBundle (Cg==) under cert-manager's inject-ca-from: AppNeeds sees a CA, cainjector
                // replaces it
                if (!e.object().webhooks().isEmpty()
                        && e.object().webhooks().stream().allMatch(w -> w.hasCaBundle())
                        && asksInjection(e)) {
                    candidates.add(new AppNeeds.Injected(
                            e.object().id(),
                            AppNeeds.WEBHOOK_CA_BUNDLE,
                            "cert-manager's cainjector",
                            new IgnoreDifference(
                                    e.object().id().group(),
                                    e.object().id().kind(),
                                    e.object().id().name(),
                                    null,
                                    List.of(),
                                    List.of(AppNeeds.WEBHOOK_CA_BUNDLE))));
                }
            }
            for (AppNeeds.Injected inj : candidates) {
                if (!drifts(inj, byId.get(inj.object()))) continue;
                List<IgnoreDifference> ignores = new ArrayList<>();
                for (IgnoreDifference i : app.app().ignoreDifferences()) {
                    if (i.appliesTo(
                            inj.object().group(),
                            inj.object().kind(),
                            inj.object().namespace(),
                            inj.object().name())) ignores.add(i);
                }
                ignores.addAll(ctx.tree()
                        .settings()
                        .ignoresFor(inj.object().group(), inj.object().kind()));
                if (!covered(inj, webhookCounts.getOrDefault(inj.object(), 0), ignores)) uncovered.add(inj);
            }
            if (uncovered.isEmpty()) continue;
            uncovered.sort(Comparator.comparing(AppNeeds.Injected::object));
            List<String> what = uncovered.stream()
                    .map(i -> i.object() + " (" + i.filledBy() + ")")
                    .toList();
            out.add(finding(
                            app,
                            app.at("spec", "ignoreDifferences"),
                            Texts.plural(uncovered.size(), "field")
                                    + " filled in at runtime without ignoreDifferences: " + Texts.some(what, 3)
                                    + "; the app stays OutOfSync and selfHeal keeps re-syncing it",
                            "add ignoreDifferences entries: jqPathExpressions [" + AppNeeds.WEBHOOK_CA_BUNDLE
                                    + "] for webhook configurations, jsonPointers [" + AppNeeds.CRD_CA_BUNDLE
                                    + "] for CRDs, ["
                                    + AppNeeds.SECRET_DATA + "] for Secrets shipped empty")
                    .about(uncovered.get(0).object().toString()));
        }
        return out;
    }

    /**
     * Whether Argo CD's diff sees the injected field: it compares only the fields the manifest sets, so a caBundle the
     * manifest leaves out does not drift; one it sets (empty, or a placeholder such as {@code Cg==} that cainjector
     * replaces) does. Secrets shipped empty keep the rule they had. Without the manifest (committed facts), it may.
     */
    static boolean drifts(AppNeeds.Injected inj, Inventory.Entry e) {
        if (e == null || e.object().body() == null || AppNeeds.SECRET_DATA.equals(inj.field())) return true;
        Map<String, Object> body = e.object().body();
        if (AppNeeds.CRD_CA_BUNDLE.equals(inj.field())) {
            return Fields.get(body, "spec", "conversion", "webhook", "clientConfig") instanceof Map<?, ?> cc
                    && cc.containsKey("caBundle");
        }
        if (body.get("webhooks") instanceof List<?> hooks) {
            for (Object h : hooks) {
                if (h instanceof Map<?, ?> hm
                        && hm.get("clientConfig") instanceof Map<?, ?> cc
                        && cc.containsKey("caBundle")) {
                    Object v = cc.get("caBundle");
                    // a real CA written in the manifest stays as written unless something is told to inject over it
                    if (v == null || String.valueOf(v).isEmpty() || asksInjection(e)) return true;
                }
            }
        }
        return false;
    }

    private static boolean asksInjection(Inventory.Entry e) {
        return e.object().annotations().keySet().stream().anyMatch(k -> k.startsWith("cert-manager.io/inject-"));
    }

    /** Whether the entries hide the field: a jq path for every webhook, or JSON pointers for each one. */
    static boolean covered(AppNeeds.Injected inj, int webhooks, List<IgnoreDifference> ignores) {
        if (AppNeeds.CRD_CA_BUNDLE.equals(inj.field())) {
            return ignores.stream()
                    .anyMatch(i -> i.covers(AppNeeds.CRD_CA_BUNDLE, ".spec.conversion.webhook.clientConfig.caBundle"));
        }
        if (AppNeeds.SECRET_DATA.equals(inj.field())) {
            return ignores.stream().anyMatch(i -> i.covers(AppNeeds.SECRET_DATA, ".data"));
        }
        for (int n = 0; n < Math.max(webhooks, 1); n++) {
            String pointer = "/webhooks/" + n + "/clientConfig/caBundle";
            boolean hidden = ignores.stream()
                    .anyMatch(i -> i.covers(pointer, AppNeeds.WEBHOOK_CA_BUNDLE)
                            || i.covers(pointer, AppNeeds.WEBHOOK_CA_BUNDLE.replace("[]?", "[]")));
            if (!hidden) return false;
        }
        return true;
    }
}
