package dev.kfboot.report;

import dev.kfboot.model.Finding;
import dev.kfboot.plan.Plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entry point: a plan (plus findings and live state when there are any) to a self-contained HTML page. */
public final class Report {

    /** Where the rule pages live; findings link to {@code RULES_DOCS + slug + ".md"}. */
    public static final String RULES_DOCS = "https://github.com/kfboot/kfboot/blob/main/docs/rules/";

    private Report() {}

    public static String html(Plan plan, List<Finding> findings, Map<String, ReportInput.LiveState> live,
                              Map<String, ReportInput.AppSettings> settings, Set<String> extraApps) {
        String title = "kfboot report: Kubeflow " + plan.release();
        return ReportHtml.render(new ReportInput(title, plan, findings, live, settings, extraApps, RULES_DOCS));
    }
}
