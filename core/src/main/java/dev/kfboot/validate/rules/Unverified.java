package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.render.Rendered;
import dev.kfboot.validate.ResolvedSource;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What kfboot could not check, said once and why, never as a made-up error: another repository with no local
 * checkout (once per repository, with the {@code --source URL=DIR} hint), a config management plugin, a plain
 * directory holding Jsonnet, a Helm chart it could not render offline, a kustomization that needs a build option
 * kfboot cannot confirm ({@code helmCharts}, a file outside its directory), an ApplicationSet whose generators need a
 * live Argo CD.
 */
final class Unverified extends AbstractRule {

    Unverified() {
        super(new RuleInfo(
                ValidationContext.UNVERIFIED,
                Severity.INFO,
                "An app, repository or ApplicationSet kfboot cannot check offline (no "
                        + "checkout, plugin, Jsonnet, chart not cached, live-only generator)"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>(ctx.tree().notes());
        Map<String, List<TreeApp>> byRepo = new LinkedHashMap<>();
        Map<String, Location> firstAt = new LinkedHashMap<>();
        for (TreeApp app : ctx.apps()) {
            for (ResolvedSource s : ctx.sourcesOf(app.id())) {
                if (s.kind() == ResolvedSource.Kind.UNMAPPED_REPO) {
                    String url = s.source().repoURL();
                    byRepo.computeIfAbsent(url, k -> new ArrayList<>()).add(app);
                    firstAt.putIfAbsent(url, s.source().location());
                } else if (s.kind() == ResolvedSource.Kind.PLUGIN) {
                    out.add(finding(
                            app,
                            app.sourceAt(s.index(), "plugin"),
                            "source " + (s.index() + 1) + " is a config management plugin, which kfboot "
                                    + "does not run: the app is unverified",
                            "render it yourself and validate the output, or point the "
                                    + "app at a kustomize directory or a chart"));
                }
            }
            for (Rendered r : ctx.renders().of(app.id())) {
                if (r.ok() || !slug().equals(r.failure().rule())) continue;
                out.add(finding(
                        app,
                        app.sourceAt(
                                0,
                                app.app().sources().isEmpty()
                                                || app.app().sources().get(0).chart() == null
                                        ? "path"
                                        : "chart"),
                        r.failure().message(),
                        r.failure().hint()));
            }
        }
        byRepo.forEach((url, apps) -> {
            TreeSet<String> names = new TreeSet<>();
            apps.forEach(a -> names.add(a.id()));
            boolean originKnown = ctx.tree().repo().originUrl() != null;
            out.add(finding(
                    apps.get(0),
                    firstAt.get(url),
                    "repository " + url + " has no local checkout: " + Texts.plural(names.size(), "app")
                            + " unverified (" + Texts.some(names, 3) + ")",
                    "pass --source " + url + "=DIR with a checkout of it"
                            + (originKnown
                                    ? ""
                                    : ", or --repo-url " + url + " if the repository root is that checkout")));
        });
        return out;
    }
}
