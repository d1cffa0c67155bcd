package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A kustomization of the app fetches a remote base at render time: Argo CD's repo server needs network access
 * to that host at every sync, and what deploys changes if the ref moves. Names every URL.
 */
final class RemoteBase extends AbstractRule {

    RemoteBase() {
        super(new RuleInfo(
                "remote-base",
                Severity.WARNING,
                "A kustomization fetches a remote base at sync time (network access, moving refs)"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.appsWithObjects()) {
            Set<String> urls = ctx.renders().remoteUrls(app.id());
            if (urls.isEmpty()) continue;
            out.add(finding(
                    app,
                    app.sourceAt(0, "path"),
                    "fetches " + Texts.plural(urls.size(), "remote base") + " at sync time: "
                            + String.join(", ", urls)
                            + "; Argo CD's repo server needs network access to them on every sync",
                    "vendor the base into the repository, or make sure the repo server "
                            + "can reach it and pin an immutable ref"));
        }
        return out;
    }
}
