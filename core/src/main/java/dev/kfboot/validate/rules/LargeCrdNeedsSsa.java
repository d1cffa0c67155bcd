package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.SyncPolicy;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A CRD over 262,144 bytes synced with client-side apply: the last-applied-configuration annotation would
 * exceed the API server's limit and the sync fails. Needs {@code ServerSideApply=true} or {@code Replace=true},
 * on the app or on the CRD's own sync-options annotation.
 */
final class LargeCrdNeedsSsa extends AbstractRule {

    LargeCrdNeedsSsa() {
        super(new RuleInfo(
                "large-crd-needs-ssa",
                Severity.ERROR,
                "A CRD over 262,144 bytes is synced without ServerSideApply or Replace"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.appsWithObjects()) {
            SyncPolicy policy = app.app().syncPolicy();
            if (policy.has(ArgoCd.SERVER_SIDE_APPLY) || policy.has(ArgoCd.REPLACE)) continue;
            List<ResourceId> large = ctx.needs(app.id()).largeCrds();
            List<Inventory.Entry> unprotected = new ArrayList<>();
            for (Inventory.Entry e : ctx.inventory().of(app.id())) {
                if (!large.contains(e.object().id())) continue;
                if (ResourceOptions.has(e.object(), ArgoCd.SERVER_SIDE_APPLY)
                        || ResourceOptions.has(e.object(), ArgoCd.REPLACE)) continue;
                unprotected.add(e);
            }
            if (unprotected.isEmpty()) continue;
            List<String> shown = unprotected.stream()
                    .map(e -> e.object().id().name() + " (" + e.object().size() + " bytes)")
                    .toList();
            out.add(finding(
                            app,
                            app.at("spec", "syncPolicy"),
                            Texts.plural(unprotected.size(), "CRD") + " over "
                                    + ArgoCd.LAST_APPLIED_LIMIT + " bytes would be applied client-side: "
                                    + Texts.some(shown, 4)
                                    + "; the last-applied annotation exceeds the API server's limit and the sync fails",
                            "add " + ArgoCd.SERVER_SIDE_APPLY + " to the app's syncOptions, or to those CRDs' "
                                    + ArgoCd.SYNC_OPTIONS + " annotation")
                    .about(unprotected.get(0).object().id().toString()));
        }
        return out;
    }
}
