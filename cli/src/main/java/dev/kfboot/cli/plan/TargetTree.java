package dev.kfboot.cli.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSites;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.generate.UpgradeEdit;
import dev.kfboot.model.Finding;
import dev.kfboot.plan.PlanJson;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.ResolvedPlatform;
import dev.kfboot.upgrade.UpgradePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree {@code generate} writes, for {@code generate} and {@code upgrade --out} alike: the spec resolved against
 * the sources, the site found, the tree generated in memory (carrying the upgrade when one is given), and its JSON.
 * Writing is {@link TreeWriter}'s (a temporary directory swapped in).
 *
 * @param findings the site's and the tree's
 */
public record TargetTree(GeneratedTree tree, List<Finding> findings) {

    public static TargetTree generate(
            Kfboot kfboot,
            Platform spec,
            Sources sources,
            Layout layout,
            Path dir,
            String pathInRepo,
            List<String> envs,
            boolean applicationSet,
            UpgradePlan upgrade) {
        ResolvedPlatform platform = kfboot.resolve(spec, sources);
        TreeSites.Resolved site =
                TreeSites.resolve(layout, platform, kfboot.catalogs().upstreamRepos(), dir, pathInRepo);
        GeneratedTree tree = kfboot.generate(
                site.platform(), sources, new TreeOptions(layout, site.site(), envs, applicationSet, upgrade));
        List<Finding> findings = new ArrayList<>(site.findings());
        findings.addAll(tree.findings());
        return new TargetTree(tree, findings);
    }

    /**
     * {@code generate -o json}: where, the apps, the files written, the upgrade's edits, the findings.
     *
     * @param written      the files added, changed, removed and kept, as four lists
     * @param upgradeEdits left out when the tree carries no upgrade
     * @param findings     left out when there are none
     */
    public record Document(
            String dir,
            String layout,
            String repoURL,
            String revision,
            String path,
            List<AppDoc> apps,
            @JsonUnwrapped TreeWriter.Result written,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<EditDoc> upgradeEdits,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PlanJson.FindingDoc> findings) {}

    /** @param overlay the app's overlay directory, left out when it has none */
    record AppDoc(
            String app,
            String application,
            int wave,
            String namespace,
            String sync,
            String path,
            @JsonInclude(JsonInclude.Include.NON_NULL) String overlay,
            List<String> syncOptions) {}

    /** The sync options an upgrade tree adds to one object. */
    record EditDoc(String app, String resource, String syncOptions, boolean kept, List<String> reasons) {}

    public Document document(Path dir, TreeWriter.Result result) {
        List<AppDoc> apps = tree.apps().stream()
                .map(a -> new AppDoc(
                        a.id(),
                        a.name(),
                        a.wave(),
                        a.namespace(),
                        a.sync().label(),
                        a.source().path(),
                        a.overlay() == null ? null : a.overlay().dir(),
                        a.syncOptions()))
                .toList();
        List<EditDoc> edits = tree.options().upgrade() == null
                ? null
                : tree.upgradeEdits().stream()
                        .map(e -> new EditDoc(e.app(), e.id().toString(), e.syncOptions(), e.kept(), e.reasons()))
                        .toList();
        return new Document(
                dir.toString(),
                tree.options().layout().label(),
                tree.options().site().repoURL(),
                tree.options().site().revision(),
                tree.options().site().path(),
                apps,
                result,
                edits,
                PlanJson.findings(findings));
    }

    /** The lines printed after an upgrade tree is written: what was added, per object. */
    public static String text(List<UpgradeEdit> edits) {
        StringBuilder sb = new StringBuilder();
        for (UpgradeEdit e : edits) {
            sb.append("  ")
                    .append(e.app())
                    .append(": ")
                    .append(e.id())
                    .append(": ")
                    .append(e.syncOptions())
                    .append(e.kept() ? " (kept from the old release)" : "")
                    .append('\n');
        }
        return sb.toString();
    }
}
