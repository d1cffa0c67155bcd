package dev.kfboot.generate;

import dev.kfboot.plan.Plan;
import dev.kfboot.spec.ClusterRef;
import dev.kfboot.spec.ResolvedPlatform;
import dev.kfboot.spec.SyncDefaults;

/** What every part of the tree is written from: the platform, its plan, the options and the naming rules. */
record TreeContext(ResolvedPlatform platform, Plan plan, TreeOptions options, Names names) {

    static TreeContext of(ResolvedPlatform platform, Plan plan, TreeOptions options) {
        return new TreeContext(platform, plan, options, Names.of(platform));
    }

    String argoNamespace() {
        return platform.spec().argocd().namespace();
    }

    String project() {
        return platform.spec().argocd().projectOr(platform.spec().name());
    }

    String rootProject() {
        return project() + "-root";
    }

    ClusterRef destination() {
        return platform.spec().argocd().destination();
    }

    SyncDefaults sync() {
        return platform.spec().sync();
    }

    TreeSite site() {
        return options.site();
    }

    Layout layout() {
        return options.layout();
    }
}
