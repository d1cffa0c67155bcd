package dev.kfboot.generate;

import java.util.Locale;

/**
 * Where the tree lives relative to the Kubeflow manifests it deploys.
 * {@code FORK}: inside a checkout of kubeflow/manifests (spec.repo); children point at paths of that same
 * repository. {@code STANDALONE}: a repository of its own; children point at upstream kubeflow/manifests at
 * the release tag, and overlays pull it as a remote kustomize base.
 */
public enum Layout {
    FORK,
    STANDALONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
