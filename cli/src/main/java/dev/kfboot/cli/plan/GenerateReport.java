package dev.kfboot.cli.plan;

import dev.kfboot.generate.ChildApp;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.plan.PlanText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code generate} prints after writing: the apps by wave, what changed on disk, how to bootstrap. */
public final class GenerateReport {

    private GenerateReport() {}

    /** Two lines: what was written and where the root app reads it. */
    public static String summary(Path dir, GeneratedTree tree, TreeWriter.Result result) {
        StringBuilder sb = new StringBuilder();
        var site = tree.options().site();
        sb.append("Wrote ")
                .append(dir)
                .append(" (")
                .append(tree.options().layout().label())
                .append(" layout): ")
                .append(tree.apps().size())
                .append(" apps in ")
                .append(tree.plan().waveList().size())
                .append(" waves, ")
                .append(result.added().size())
                .append(" files added, ")
                .append(result.changed().size())
                .append(" changed, ")
                .append(result.removed().size())
                .append(" removed")
                .append(result.kept().isEmpty() ? "" : ", " + result.kept().size() + " of yours kept")
                .append('\n');
        sb.append("The root app reads ")
                .append(site.resolve("apps"))
                .append(" from ")
                .append(site.repoURL())
                .append(" at ")
                .append(site.revision())
                .append(".\n");
        return sb.toString();
    }

    static String text(Path dir, GeneratedTree tree, TreeWriter.Result result) {
        StringBuilder sb = new StringBuilder(summary(dir, tree, result)).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"WAVE", "APPLICATION", "NAMESPACE", "SYNC", "SOURCE", "OPTIONS"});
        for (ChildApp a : tree.apps()) {
            rows.add(new String[] {
                String.valueOf(a.wave()),
                a.name(),
                a.namespace(),
                a.sync().label(),
                a.overlay() != null ? a.overlay().dir() : a.source().path(),
                a.syncOptions().isEmpty()
                        ? "-"
                        : String.join(",", a.syncOptions()).replace("=true", "")
            });
        }
        sb.append(PlanText.columns(rows)).append('\n');
        sb.append("Next: commit and push the tree, then bootstrap (")
                .append(dir.resolve("README.md"))
                .append("):\n");
        sb.append("  kubectl -n ")
                .append(tree.platform().spec().argocd().namespace())
                .append(" patch configmap argocd-cm --type merge --patch-file ")
                .append(dir.resolve("argocd-cm-health.yaml"))
                .append('\n');
        sb.append("  kubectl apply -f ").append(dir.resolve("projects.yaml")).append('\n');
        sb.append("  kubectl apply -f ").append(dir.resolve("root-app.yaml")).append('\n');
        return sb.toString();
    }
}
