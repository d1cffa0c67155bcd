package dev.kfboot.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param unverified apps kfboot could not check, with why (for the summary)
 */
public record Validation(
        RepoRoot repo,
        List<Finding> findings,
        int apps,
        int parents,
        int objects,
        int rendered,
        int cached,
        ValidationContext context,
        List<Suppressions.Suppressed> suppressed,
        Map<String, String> unverified) {

    public Validation {
        findings = findings.stream().sorted().toList();
        suppressed = suppressed == null
                ? List.of()
                : suppressed.stream()
                        .sorted(Comparator.comparing(Suppressions.Suppressed::finding))
                        .toList();
        unverified = unverified == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unverified));
    }

    public Validation(
            RepoRoot repo,
            List<Finding> findings,
            int apps,
            int parents,
            int objects,
            int rendered,
            int cached,
            ValidationContext context) {
        this(
                repo,
                findings,
                apps,
                parents,
                objects,
                rendered,
                cached,
                context,
                List.of(),
                context == null ? Map.of() : context.unverifiedApps());
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
