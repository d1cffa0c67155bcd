package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.render.Rendered;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A component app's source does not render: kustomize's error (a remote base that cannot be fetched
 * included), a document that is not a Kubernetes object, or (info) a source kfboot does not render at all
 * (Helm charts, config management plugins), whose objects are then not checked.
 */
final class RenderFailed extends AbstractRule {

    RenderFailed() {
        super(new RuleInfo(
                "render-failed",
                Severity.ERROR,
                "An Application's source fails to render, so Argo CD cannot sync it either"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.appsWithObjects()) {
            for (Rendered r : ctx.renders().of(app.id())) {
                if (r.ok() || ValidationContext.UNVERIFIED.equals(r.failure().rule()))
                    continue; // the unverified rule says it
                out.add(finding(
                        app,
                        app.sourceAt(0, "path"),
                        r.failure().message(),
                        r.failure().hint()));
            }
        }
        for (Finding f : ctx.unreadable()) {
            TreeApp app = ctx.app(f.app());
            out.add(finding(app, app.sourceAt(0, "path"), f.message(), f.hint()));
        }
        return out;
    }
}
