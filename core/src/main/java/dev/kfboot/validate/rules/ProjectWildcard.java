package dev.kfboot.validate.rules;

import dev.kfboot.argocd.AppProject;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.TreeProject;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An AppProject that allows {@code *} sources, destinations or cluster-scoped kinds, or apps that use Argo
 * CD's built-in {@code default} project (which allows all three) when the tree defines no project of that
 * name: any app in it can deploy anything anywhere, so one wrong path can replace cluster-wide objects.
 */
final class ProjectWildcard extends AbstractRule {

    ProjectWildcard() {
        super(new RuleInfo(
                "project-wildcard",
                Severity.WARNING,
                "An AppProject allows * sources, destinations or cluster resources (the "
                        + "built-in default project does)"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeProject tp : ctx.tree().projects()) {
            AppProject p = tp.project();
            String id = "appproject.argoproj.io/" + p.name();
            if (p.sourceRepos().contains("*")) {
                out.add(project(
                        tp,
                        "sourceRepos",
                        id,
                        "allows every source repository (*)",
                        "list the repositories its apps use"));
            }
            for (AppProject.Destination d : p.destinations()) {
                if ("*".equals(d.server()) || "*".equals(d.name()) || "*".equals(d.namespace())) {
                    out.add(project(
                            tp,
                            "destinations",
                            id,
                            "allows a * destination (server " + d.server() + ", namespace " + d.namespace() + ")",
                            "list the destination namespaces its apps deploy to"));
                    break;
                }
            }
            for (GroupKind gk : p.clusterResourceWhitelist()) {
                if ("*".equals(gk.group()) || "*".equals(gk.kind())) {
                    out.add(project(
                            tp,
                            "clusterResourceWhitelist",
                            id,
                            "allows every cluster-scoped kind (group " + gk.group() + ", kind " + gk.kind() + ")",
                            "list the cluster-scoped kinds its apps create (kfboot generate derives them)"));
                    break;
                }
            }
        }
        List<TreeApp> onDefault = new ArrayList<>();
        boolean defaultDefined = ctx.tree().projects().stream()
                .anyMatch(p -> "default".equals(p.project().name()));
        for (TreeApp a : ctx.apps()) {
            if (!defaultDefined
                    && "default".equals(Objects.requireNonNullElse(a.app().project(), "default"))) onDefault.add(a);
        }
        if (!onDefault.isEmpty()) {
            TreeApp first = onDefault.get(0);
            out.add(finding(
                    first,
                    first.at("spec", "project"),
                    Texts.plural(onDefault.size(), "app") + " ("
                            + Texts.some(onDefault.stream().map(TreeApp::id).toList(), 4)
                            + ") use Argo CD's built-in default project, "
                            + "which allows every source, destination and cluster-scoped kind",
                    "define an AppProject for the tree with only the repositories, "
                            + "namespaces and cluster kinds it needs"));
        }
        return out;
    }

    private Finding project(TreeProject tp, String field, String id, String what, String hint) {
        return new Finding(
                slug(),
                severity(),
                null,
                id,
                tp.at("spec", field),
                "AppProject " + tp.project().name() + " " + what,
                hint);
    }
}
