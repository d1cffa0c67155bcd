package dev.kfboot.validate.rules;

import dev.kfboot.argocd.AppSource;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.Placeholders;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.TreeProject;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A repoURL (of an Application or an AppProject's sourceRepos) that was never filled in: your-org, YOUR_ORG,
 * example.com.
 */
final class PlaceholderRepoUrl extends AbstractRule {

    PlaceholderRepoUrl() {
        super(new RuleInfo(
                "placeholder-repo-url",
                Severity.ERROR,
                "A repository URL is still a placeholder (your-org, YOUR_ORG, example.com, <org>)"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.apps()) {
            List<AppSource> sources = app.app().sources();
            for (int i = 0; i < sources.size(); i++) {
                String url = sources.get(i).repoURL();
                Optional<String> token = Placeholders.in(url);
                if (token.isEmpty()) continue;
                out.add(finding(
                        app,
                        app.sourceAt(i, "repoURL"),
                        "repoURL " + url + " is a placeholder (" + token.get() + "): Argo CD cannot clone it",
                        "replace it with the URL of the repository that holds this tree"));
            }
        }
        for (TreeProject p : ctx.tree().projects()) {
            for (String url : p.project().sourceRepos()) {
                Placeholders.in(url)
                        .ifPresent(token -> out.add(new Finding(
                                slug(),
                                severity(),
                                null,
                                "appproject.argoproj.io/" + p.project().name(),
                                p.at("spec", "sourceRepos"),
                                "AppProject " + p.project().name() + " allows source repository " + url
                                        + ", a placeholder (" + token + ")",
                                "list the repository that holds this tree")));
            }
        }
        return out;
    }
}
