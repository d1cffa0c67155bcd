package dev.kfboot.render;

/**
 * Renders one unit. Two implementations: {@link KustomizeRenderer} runs real kustomize; tests use one that
 * returns pre-rendered YAML, so unit tests need no binary.
 */
public interface Renderer {

    Rendered render(RenderUnit unit);
}
