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
 * @param suppressed findings the user chose not to see ({@code --disable}, {@code .kfboot.yaml}, annotations), sorted
 */
public record Validation(RepoRoot repo, List<Finding> findings, int apps, int parents, int objects, int rendered,
                         int cached, ValidationContext context, List<Suppressions.Suppressed> suppressed) {

    public Validation {
        findings = findings.stream().sorted().toList();
        suppressed = suppressed == null ? List.of()
                : suppressed.stream().sorted(java.util.Comparator.comparing(Suppressions.Suppressed::finding)).toList();
    }

    public Validation(RepoRoot repo, List<Finding> findings, int apps, int parents, int objects, int rendered, int cached,
                      ValidationContext context) {
        this(repo, findings, apps, parents, objects, rendered, cached, context, List.of());
    }

    /** Apps kfboot could not check, with why (for the summary). */
    public java.util.Map<String, String> unverified() {
        return context == null ? java.util.Map.of() : context.unverifiedApps();
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
