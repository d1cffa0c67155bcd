package dev.kfboot.render;

import java.nio.file.Path;
import java.util.List;

/**
 * What to render for one app: kustomize directories (relative to {@code root}) and kustomize Components
 * applied on top of them, and Argo CD's kustomize options. One path and nothing else renders in place; anything else
 * through a wrapper kustomization in the workspace.
 *
 * @param id         the component or app id the objects are attributed to
 * @param root       the manifests tree the paths are relative to
 * @param paths      kustomization directories, relative, forward slashes
 * @param components kustomize Components to apply, relative
 * @param kustomize  an Argo CD Application's {@code spec.source.kustomize} options, applied in the wrapper
 */
public record RenderUnit(
        String id, Path root, List<String> paths, List<String> components, KustomizeOptions kustomize) {

    public RenderUnit {
        paths = List.copyOf(paths);
        components = components == null ? List.of() : List.copyOf(components);
        kustomize = kustomize == null ? KustomizeOptions.NONE : kustomize;
    }

    public RenderUnit(String id, Path root, List<String> paths, List<String> components) {
        this(id, root, paths, components, KustomizeOptions.NONE);
    }

    public static RenderUnit of(String id, Path root, String path) {
        return new RenderUnit(id, root, List.of(path), List.of());
    }

    public boolean needsWrapper() {
        return paths.size() != 1 || !components.isEmpty() || !kustomize.isEmpty();
    }
}
