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
 * An auto-pruning app owns Namespaces or CRDs without {@code Prune=false} (or {@code Prune=confirm}): the day
 * a path changes or an object moves to another app, Argo CD deletes the namespace with everything in it, or
 * the CRD with every custom resource. Deleting the Profiles CRD deletes every profile namespace, so that
 * case is an error; other Namespaces and CRDs are warnings.
 */
final class PruneUnsafe extends AbstractRule {

    PruneUnsafe() {
        super(new RuleInfo(
                "prune-unsafe",
                Severity.WARNING,
                "An auto-pruning app owns Namespaces or CRDs (the Profiles CRD above all) without prune protection"));
    }

    private static final String PRUNE_CONFIRM = "Prune=confirm";

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.appsWithObjects()) {
            SyncPolicy policy = app.app().syncPolicy();
            if (!policy.autoPrune() || policy.has(ArgoCd.PRUNE_FALSE) || policy.has(PRUNE_CONFIRM)) continue;
            List<ResourceId> sensitive = ctx.needs(app.id()).pruneSensitive();
            List<ResourceId> exposed = new ArrayList<>();
            for (Inventory.Entry e : ctx.inventory().of(app.id())) {
                if (!sensitive.contains(e.object().id())) continue;
                if (ResourceOptions.has(e.object(), ArgoCd.PRUNE_FALSE)
                        || ResourceOptions.has(e.object(), PRUNE_CONFIRM)) continue;
                exposed.add(e.object().id());
            }
            if (exposed.isEmpty()) continue;
            exposed.sort(null);
            boolean profiles = exposed.stream()
                    .anyMatch(id -> id.kind().equals("CustomResourceDefinition")
                            && id.name().equals(ArgoCd.PROFILES_CRD));
            ResourceId first = profiles
                    ? exposed.stream()
                            .filter(id -> id.name().equals(ArgoCd.PROFILES_CRD))
                            .findFirst()
                            .orElseThrow()
                    : exposed.get(0);
            String consequence = profiles
                    ? "pruning the Profiles CRD deletes every Profile and with them every user's namespace"
                    : "pruning them deletes every object in those namespaces or of those kinds";
            out.add(finding(
                            profiles ? Severity.ERROR : Severity.WARNING,
                            app,
                            app.at("spec", "syncPolicy", "automated"),
                            "prunes automatically and owns " + Texts.plural(exposed.size(), "Namespace or CRD")
                                    + " without Prune=false: " + Texts.some(exposed, 3) + "; " + consequence,
                            "annotate them " + ArgoCd.SYNC_OPTIONS + ": " + ArgoCd.PRUNE_FALSE + ","
                                    + ArgoCd.DELETE_FALSE
                                    + " (a kustomize patch in the tree), or turn off automated prune for this app")
                    .about(first.toString()));
        }
        return out;
    }
}
