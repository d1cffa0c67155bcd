package dev.kfboot.validate;

import java.nio.file.Path;
import java.util.List;

/**
 * The Argo CD objects of a tree: its Applications (those ApplicationSets generate included), AppProjects,
 * the Argo CD settings it carries, and the repository it lives in.
 *
 * @param dir the directory validated, absolute
 */
public record Tree(Path dir, RepoRoot repo, List<TreeApp> apps, List<TreeProject> projects, ArgoCdSettings settings) {

    public Tree {
        apps = List.copyOf(apps);
        projects = List.copyOf(projects);
    }
}
