package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.ResolvedSource;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A source path Argo CD will not find: missing in the repository, a glob (Argo CD takes
 * {@code applications/*}{@code /overlays/istio} literally), outside the repository, or in a repository with
 * no local checkout.
 */
final class PathNotFound extends AbstractRule {

    PathNotFound() {
        super(new RuleInfo(
                "path-not-found",
                Severity.ERROR,
                "An Application's source path does not exist at that repository root (globs are not expanded)"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.apps()) {
            for (ResolvedSource s : ctx.sourcesOf(app.id())) {
                if (!s.kind().pathProblem()) continue;
                out.add(finding(app, s.source().location(), s.problem(), hint(s)));
            }
        }
        return out;
    }

    private static String hint(ResolvedSource s) {
        return switch (s.kind()) {
            case GLOB ->
                "give each directory its own Application, or generate them with an "
                        + "ApplicationSet git directory generator";
            case UNMAPPED_REPO ->
                "pass --source " + s.source().repoURL() + "=DIR with a local checkout of that repository";
            case NO_REPO -> "set spec.source.repoURL";
            case OUTSIDE_ROOT -> "write the path relative to the repository root, without a leading / or ..";
            case SYMLINK_OUTSIDE ->
                "commit the directory itself instead of a link to it (or point the app at a "
                        + "path inside the repository)";
            default ->
                "paths are relative to the repository root; fix the path or pass --repo-root (or --source URL=DIR)";
        };
    }
}
