package dev.kfboot.report;

import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.model.Finding;
import dev.kfboot.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a report shows.
 *
 * @param findings  validation findings, or null when no tree was validated (no findings section)
 * @param live      current Argo CD state per app, or null without {@code --live}
 * @param settings  the sync options and ignoreDifferences each app's Application gets
 * @param extraApps apps that are not Kubeflow components (drawn differently)
 * @param rulesDocs base URL of the rule pages; a finding links to {@code rulesDocs + slug + ".md"}
 */
public record ReportInput(
        String title,
        Plan plan,
        List<Finding> findings,
        Map<String, LiveState> live,
        Map<String, AppSettings> settings,
        Set<String> extraApps,
        String rulesDocs) {

    /** An app's sync and health as Argo CD reports them. */
    public record LiveState(String sync, String health, String message) {}

    /** What an app's Application carries. */
    public record AppSettings(List<String> syncOptions, List<IgnoreDifference> ignoreDifferences) {}

    public ReportInput {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        extraApps = extraApps == null ? Set.of() : Set.copyOf(extraApps);
    }
}
