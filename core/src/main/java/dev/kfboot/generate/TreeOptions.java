package dev.kfboot.generate;

import dev.kfboot.upgrade.UpgradePlan;
import java.util.List;

/**
 * How to generate: the layout, where the tree lives, which environments get overlays (empty: every one the
 * spec lists), whether a fleet of clusters gets ApplicationSets instead of child Applications, and the upgrade the
 * tree carries out (null for none): its per-object sync options and kept objects go into the apps' overlays.
 */
public record TreeOptions(
        Layout layout, TreeSite site, List<String> environments, boolean applicationSet, UpgradePlan upgrade) {

    public TreeOptions {
        environments = List.copyOf(environments);
    }

    public TreeOptions(Layout layout, TreeSite site, List<String> environments, boolean applicationSet) {
        this(layout, site, environments, applicationSet, null);
    }

    /** The same options, carrying out {@code plan}. */
    public TreeOptions withUpgrade(UpgradePlan plan) {
        return new TreeOptions(layout, site, environments, applicationSet, plan);
    }
}
