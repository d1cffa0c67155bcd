package dev.kfboot.render;

import java.nio.file.Path;
import java.util.List;

/**
 * What to render for one app: kustomize directories (relative to {@code root}) and kustomize Components
 * applied on top of them. One path and no components render in place; anything else through a wrapper
 * kustomization in the workspace.
 *
 * @param id         the component or app id the objects are attributed to
 * @param root       the manifests tree the paths are relative to
 * @param paths      kustomization directories, relative, forward slashes
 * @param components kustomize Components to apply, relative
 */
public record RenderUnit(String id, Path root, List<String> paths, List<String> components) {

    public RenderUnit {
        paths = List.copyOf(paths);
        components = components == null ? List.of() : List.copyOf(components);
    }

    public static RenderUnit of(String id, Path root, String path) {
        return new RenderUnit(id, root, List.of(path), List.of());
    }

    public boolean needsWrapper() {
        return paths.size() != 1 || !components.isEmpty();
    }
}
