package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * An app of apps synced with {@code ServerSideApply=true}: Argo CD then ignores the sync waves of the
 * children it applies (argo-cd#13320, open), so every child starts at once.
 */
final class RootAppServerSideApply extends AbstractRule {

    RootAppServerSideApply() {
        super(new RuleInfo(
                "root-app-server-side-apply",
                Severity.ERROR,
                "An app of apps uses ServerSideApply, which makes Argo CD ignore its children's sync waves"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String parent : ctx.hierarchy().parents()) {
            TreeApp app = ctx.app(parent);
            if (!app.app().syncPolicy().has(ArgoCd.SERVER_SIDE_APPLY)) continue;
            out.add(finding(
                    app,
                    app.at("spec", "syncPolicy", "syncOptions"),
                    "is an app of apps with " + ArgoCd.SERVER_SIDE_APPLY + ": Argo CD ignores the sync waves of the "
                            + ctx.hierarchy().children(parent).size() + " Applications it applies (argo-cd#13320)",
                    "remove ServerSideApply=true from the app of apps; set it on the child apps that need it"));
        }
        return out;
    }
}
