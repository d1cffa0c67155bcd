package dev.kfboot.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;

import java.util.List;

/**
 * The result: every finding, sorted, and what was looked at.
 *
 * @param apps       Applications in the tree (ApplicationSets expanded)
 * @param parents    apps of apps among them
 * @param objects    objects rendered by the component apps
 * @param rendered   renders that ran kustomize (or read a plain directory) in this run
 * @param cached     renders served from the cache
 * @param context    what the rules saw (tree, inventory, graph), for reports
 */
public record Validation(RepoRoot repo, List<Finding> findings, int apps, int parents, int objects, int rendered,
                         int cached, ValidationContext context) {

    public Validation {
        findings = findings.stream().sorted().toList();
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
