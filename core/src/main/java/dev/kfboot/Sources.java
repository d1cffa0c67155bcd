package dev.kfboot;

import dev.kfboot.render.RenderOptions;
import java.nio.file.Path;

/**
 * Where a plan's objects come from: the facts committed for the release ({@code upstream == null}), or a
 * fresh render of a kubeflow/manifests tree.
 */
public record Sources(Path upstream, RenderOptions render) {

    public static Sources facts() {
        return new Sources(null, null);
    }

    public static Sources render(Path upstream, Path remoteCache) {
        return new Sources(upstream, RenderOptions.defaults(remoteCache));
    }

    public boolean fromFacts() {
        return upstream == null;
    }
}
