package dev.kfboot.generate;

import java.util.List;

/**
 * How to generate: the layout, where the tree lives, which environments get overlays (empty: every one the
 * spec lists), and whether a fleet of clusters gets ApplicationSets instead of child Applications.
 */
public record TreeOptions(Layout layout, TreeSite site, List<String> environments, boolean applicationSet) {

    public TreeOptions {
        environments = List.copyOf(environments);
    }
}
