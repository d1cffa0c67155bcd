package dev.kfboot.cluster.adopt;

import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.deploy.DeployTree;
import dev.kfboot.cluster.deploy.HeldSync;
import dev.kfboot.model.Fields;
import dev.kfboot.validate.TreeApp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Hands a hand-installed cluster to Argo CD the safe way: creates the tree's AppProjects and Applications, every
 * Application with automated sync off ({@link HeldSync#held}), so Argo CD compares but changes nothing until the
 * user syncs. Objects that already exist are left as they are: this is a first handover, not a deploy.
 */
public final class Handover {

    /** What was done to one object: "AppProject kubeflow: created". */
    public record Step(String what, boolean created) {}

    private Handover() {}

    public static List<Step> apply(Applications apps, DeployTree tree) {
        List<Step> out = new ArrayList<>();
        for (Map<String, Object> p : tree.projectDocuments()) {
            String name = Fields.string(p, "metadata", "name");
            boolean create = apps.getProject(name) == null;
            if (create) apps.create(p, true);
            out.add(new Step("AppProject " + name, create));
        }
        List<TreeApp> ordered = tree.apps().stream()
                .sorted(Comparator.comparing(tree::isRoot)
                        .thenComparingInt(DeployTree::wave)
                        .thenComparing(TreeApp::name))
                .toList();
        for (TreeApp a : ordered) {
            boolean create = apps.get(a.name()) == null;
            if (create) apps.create(HeldSync.held(a), false);
            out.add(new Step("Application " + a.name(), create));
        }
        return out;
    }
}
