package dev.kfboot.render;

import java.util.List;
import java.util.function.Consumer;

/**
 * Renders a batch of units. {@link Rendering#run} runs real kustomize; pipeline tests pass one that returns
 * inline YAML, so they need no binary and no upstream tree.
 */
@FunctionalInterface
public interface RenderRunner {

    Rendering.Result run(List<RenderUnit> units, RenderOptions options, Consumer<Rendered> progress);
}
