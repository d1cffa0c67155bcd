package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Children of an app of apps use several sync waves but nothing in the tree configures Argo CD's health
 * check for {@code argoproj.io/Application}: since Argo CD 1.8 a child Application counts as healthy as soon
 * as it exists, so the parent's waves only order the creation of the children and wait for nothing. An error when
 * the tree writes {@code argocd-cm} itself without the check; a warning when it does not write {@code argocd-cm} at
 * all, since the Argo CD that syncs it may have the check (kfboot install-argocd adds it) and only the live cluster
 * can tell ({@code kfboot preflight} checks it).
 */
final class AppHealthCheckMissing extends AbstractRule {

    AppHealthCheckMissing() {
        super(new RuleInfo(
                "app-health-check-missing",
                Severity.ERROR,
                "Child waves are used but the tree has no argocd-cm health check for argoproj.io/Application"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.tree().settings().appHealthCheck() != null) return out;
        Location cm = ctx.tree().settings().argocdCm();
        for (String parent : ctx.hierarchy().parents()) {
            Set<Integer> waves = new TreeSet<>();
            // a rolling sync waits for health itself: the apps it orders need no health check
            for (String child : ctx.hierarchy().children(parent))
                if (!ctx.hierarchy().rolling(child)) waves.add(ctx.hierarchy().wave(child));
            if (waves.size() < 2) continue;
            String uses = "its children use " + waves.size() + " sync waves " + waves;
            String otherwise = "each wave only creates the child "
                    + "Applications and the next starts without waiting for them to be synced and healthy";
            out.add(
                    cm != null
                            ? finding(
                                    ctx.app(parent),
                                    ctx.app(parent).location(),
                                    uses + ", but the tree's " + ArgoCd.CM + (cm.known() ? " (" + cm + ")" : "")
                                            + " does not set the "
                                            + ArgoCd.APP_HEALTH_KEY + " health check: " + otherwise,
                                    "add the Lua health check for argoproj.io/Application to that " + ArgoCd.CM
                                            + " (kfboot generate writes one)")
                            : finding(
                                    Severity.WARNING,
                                    ctx.app(parent),
                                    ctx.app(parent).location(),
                                    uses + " and the tree does not write " + ArgoCd.CM + ": unless the Argo CD that "
                                            + "syncs it sets the " + ArgoCd.APP_HEALTH_KEY + " health check, "
                                            + otherwise,
                                    "kfboot preflight checks the live " + ArgoCd.CM
                                            + " (kfboot install-argocd adds the check); or put " + ArgoCd.CM
                                            + " with it in the tree (kfboot generate writes one)"));
        }
        return out;
    }
}
