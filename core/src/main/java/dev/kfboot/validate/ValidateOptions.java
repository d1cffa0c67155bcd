package dev.kfboot.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What validate needs beyond the tree and its checkouts: which URL is this checkout, where charts are cached, the
 * fleet's clusters, Argo CD's namespace, and which rules run.
 *
 * @param repoUrl         {@code --repo-url}: the URL of the checkout at the repository root (without a git origin,
 *                        only a repoURL matching it is local); null when not given
 * @param helmCache       {@code --helm-cache}: charts of chart repositories and OCI registries; null for none
 * @param clusters        {@code --cluster NAME=URL[,label=value]}, for ApplicationSet clusters generators
 * @param argocdNamespace {@code --argocd-namespace}; null for the namespace the tree's Applications are in
 * @param disabled        {@code --disable RULE}: rules whose findings are suppressed
 * @param enabled         {@code --enable RULE}: rules turned back on (over {@code .kfboot.yaml})
 */
public record ValidateOptions(
        String repoUrl,
        Path helmCache,
        List<AppSetExpander.Cluster> clusters,
        String argocdNamespace,
        Set<String> disabled,
        Set<String> enabled) {

    public static final ValidateOptions NONE = new ValidateOptions(null, null, List.of(), null, Set.of(), Set.of());

    public ValidateOptions {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
        enabled = enabled == null ? Set.of() : Set.copyOf(enabled);
    }

    public ValidateOptions withRepoUrl(String url) {
        return new ValidateOptions(url, helmCache, clusters, argocdNamespace, disabled, enabled);
    }

    public ValidateOptions withHelmCache(Path dir) {
        return new ValidateOptions(repoUrl, dir, clusters, argocdNamespace, disabled, enabled);
    }
}
