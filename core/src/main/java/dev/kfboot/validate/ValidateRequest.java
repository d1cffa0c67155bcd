package dev.kfboot.validate;

import dev.kfboot.render.RenderOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * What to validate and how.
 *
 * @param dir      the tree: a directory of Applications, or the kustomization aggregating them
 * @param repoRoot where same-repository source paths resolve; null for the git top-level of {@code dir}
 * @param sources  other repositories' local checkouts, by repository URL ({@code --source URL=DIR})
 * @param render   how to render (remote cache, parallelism, timeout, kustomize)
 * @param cacheDir the render cache; null renders everything fresh
 * @param release  the kubeflow/manifests release to match components against; null picks the best match
 * @param options  this checkout's URL, the Helm cache, clusters, Argo CD's namespace, rules on and off
 */
public record ValidateRequest(
        Path dir,
        Path repoRoot,
        Map<String, Path> sources,
        RenderOptions render,
        Path cacheDir,
        String release,
        ValidateOptions options) {

    public ValidateRequest {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        options = options == null ? ValidateOptions.NONE : options;
    }

    public ValidateRequest(
            Path dir, Path repoRoot, Map<String, Path> sources, RenderOptions render, Path cacheDir, String release) {
        this(dir, repoRoot, sources, render, cacheDir, release, ValidateOptions.NONE);
    }

    public ValidateRequest withOptions(ValidateOptions o) {
        return new ValidateRequest(dir, repoRoot, sources, render, cacheDir, release, o);
    }

    /** What decides which sources are local and what ApplicationSets expand to. */
    public TreeReader.Locality locality() {
        return new TreeReader.Locality(sources, options.repoUrl(), options.clusters());
    }

    public ValidateRequest withRender(RenderOptions options) {
        return new ValidateRequest(dir, repoRoot, sources, options, cacheDir, release, this.options);
    }

    public static ValidateRequest of(Path dir, RenderOptions render) {
        return new ValidateRequest(dir, null, Map.of(), render, null, null);
    }
}
