package dev.kfboot.report;

import dev.kfboot.generate.ChildApp;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.model.Finding;
import dev.kfboot.plan.Plan;
import dev.kfboot.validate.rules.Rules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Entry point: a plan (plus findings and live state when there are any) to a self-contained HTML page. */
public final class Report {

    /** Where the rule pages live; findings link to {@code RULES_DOCS + slug + ".md"}. */
    public static final String RULES_DOCS = Rules.DOCS_URL + "docs/rules/";

    private Report() {}

    /** What each app's generated Application carries: its sync options and ignoreDifferences. */
    public static Map<String, ReportInput.AppSettings> settings(GeneratedTree tree) {
        Map<String, ReportInput.AppSettings> out = new LinkedHashMap<>();
        for (ChildApp a : tree.apps()) out.put(a.id(), new ReportInput.AppSettings(a.syncOptions(), a.ignores()));
        return out;
    }

    /** The apps of a generated tree that are not Kubeflow components. */
    public static Set<String> extraApps(GeneratedTree tree) {
        Set<String> out = new TreeSet<>();
        for (ChildApp a : tree.apps()) if (a.extra()) out.add(a.id());
        return out;
    }

    public static String html(
            Plan plan,
            List<Finding> findings,
            Map<String, ReportInput.LiveState> live,
            Map<String, ReportInput.AppSettings> settings,
            Set<String> extraApps) {
        return html(plan, findings, live, settings, extraApps, Rules.DOCS_URL);
    }

    /**
     * @param docsUrl base URL of the repository's docs, as validate's {@code --docs-url}: rule pages are under
     * docs/rules/
     */
    public static String html(
            Plan plan,
            List<Finding> findings,
            Map<String, ReportInput.LiveState> live,
            Map<String, ReportInput.AppSettings> settings,
            Set<String> extraApps,
            String docsUrl) {
        String title = "kfboot report: Kubeflow " + plan.release();
        String base = docsUrl.endsWith("/") ? docsUrl : docsUrl + "/";
        return ReportHtml.render(
                new ReportInput(title, plan, findings, live, settings, extraApps, base + "docs/rules/"));
    }
}
