package dev.kfboot.validate;

import dev.kfboot.argocd.ApplicationSet;
import dev.kfboot.model.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * The Argo CD objects of a tree: its Applications (those ApplicationSets generate included), AppProjects,
 * the Argo CD settings it carries, and the repository it lives in.
 *
 * @param dir   the directory validated, absolute
 * @param notes what reading could not verify (ApplicationSet generators kfboot cannot evaluate offline), as
 *              {@code unverified} findings
 * @param appSets the ApplicationSets read, whether or not their generators could be expanded
 */
public record Tree(
        Path dir,
        RepoRoot repo,
        List<TreeApp> apps,
        List<TreeProject> projects,
        ArgoCdSettings settings,
        List<Finding> notes,
        List<ApplicationSet> appSets) {

    public Tree {
        apps = List.copyOf(apps);
        projects = List.copyOf(projects);
        notes = List.copyOf(notes);
        appSets = List.copyOf(appSets);
    }

    public Tree(Path dir, RepoRoot repo, List<TreeApp> apps, List<TreeProject> projects, ArgoCdSettings settings) {
        this(dir, repo, apps, projects, settings, List.of(), List.of());
    }
}
