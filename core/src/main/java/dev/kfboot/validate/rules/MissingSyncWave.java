package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A child of an app of apps without a (numeric) {@code argocd.argoproj.io/sync-wave}: it lands in wave 0 and
 * syncs with whatever else is there, which is rarely what an ordered tree means.
 */
final class MissingSyncWave extends AbstractRule {

    MissingSyncWave() {
        super(new RuleInfo(
                "missing-sync-wave",
                Severity.WARNING,
                "A child Application has no numeric sync-wave annotation, so it syncs in wave 0"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String parent : ctx.hierarchy().parents()) {
            List<String> children = ctx.hierarchy().children(parent);
            if (children.size() < 2) continue;
            for (String id : children) {
                TreeApp child = ctx.app(id);
                // an ApplicationSet's rolling sync orders the apps it generates, not their sync-wave
                if (child.app().syncWave() != null || ctx.hierarchy().rolling(id)) continue;
                String written = child.app().annotations().get(ArgoCd.SYNC_WAVE);
                String message = written == null
                        ? "has no " + ArgoCd.SYNC_WAVE
                                + " annotation: it syncs in wave 0 with every other unannotated child of " + parent
                        : ArgoCd.SYNC_WAVE + " '" + written + "' is not an integer: Argo CD cannot order it";
                out.add(finding(
                        child,
                        child.at("metadata", "annotations", ArgoCd.SYNC_WAVE),
                        message,
                        "annotate it with " + ArgoCd.SYNC_WAVE + ": \"N\" (a quoted integer; kfboot plan computes N)"));
            }
        }
        return out;
    }
}
