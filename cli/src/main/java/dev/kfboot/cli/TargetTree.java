package dev.kfboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.generate.ChildApp;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSites;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.generate.UpgradeEdit;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;
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
record TargetTree(GeneratedTree tree, List<Finding> findings) {

    static TargetTree generate(
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
        TreeSites.Resolved site = TreeSites.resolve(layout, platform, dir, pathInRepo);
        GeneratedTree tree =
                kfboot.generate(platform, sources, new TreeOptions(layout, site.site(), envs, applicationSet, upgrade));
        List<Finding> findings = new ArrayList<>(site.findings());
        findings.addAll(tree.findings());
        return new TargetTree(tree, findings);
    }

    /** {@code generate -o json}: where, the apps, the files written, the upgrade's edits, the findings. */
    ObjectNode json(Path dir, TreeWriter.Result result) {
        ObjectNode root = Json.object();
        root.put("dir", dir.toString());
        root.put("layout", tree.options().layout().label());
        root.put("repoURL", tree.options().site().repoURL());
        root.put("revision", tree.options().site().revision());
        root.put("path", tree.options().site().path());
        ArrayNode apps = root.putArray("apps");
        for (ChildApp a : tree.apps()) {
            ObjectNode n = apps.addObject();
            n.put("app", a.id());
            n.put("application", a.name());
            n.put("wave", a.wave());
            n.put("namespace", a.namespace());
            n.put("sync", a.sync().label());
            n.put("path", a.source().path());
            if (a.overlay() != null) n.put("overlay", a.overlay().dir());
            a.syncOptions().forEach(n.putArray("syncOptions")::add);
        }
        result.added().forEach(root.putArray("added")::add);
        result.changed().forEach(root.putArray("changed")::add);
        result.removed().forEach(root.putArray("removed")::add);
        result.kept().forEach(root.putArray("kept")::add);
        if (tree.options().upgrade() != null) root.set("upgradeEdits", edits(tree.upgradeEdits()));
        if (!findings.isEmpty()) root.set("findings", PlanJson.findings(findings));
        return root;
    }

    /** The sync options an upgrade tree adds, one per object: {@code [{"app", "resource", "syncOptions", "kept", "reasons"}]}. */
    static ArrayNode edits(List<UpgradeEdit> edits) {
        ArrayNode out = Json.array();
        for (UpgradeEdit e : edits) {
            ObjectNode n = out.addObject();
            n.put("app", e.app());
            n.put("resource", e.id().toString());
            n.put("syncOptions", e.syncOptions());
            n.put("kept", e.kept());
            e.reasons().forEach(n.putArray("reasons")::add);
        }
        return out;
    }

    /** The lines printed after an upgrade tree is written: what was added, per object. */
    static String text(List<UpgradeEdit> edits) {
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
