package dev.kfboot.render;

import dev.kfboot.model.Finding;
import java.util.List;
import java.util.Map;

/**
 * A unit's render: its documents, or the finding that says why there are none.
 *
 * @param remoteUrls remote bases its kustomizations reference (resolved from the cache or fetched)
 * @param millis     wall time of the render, for benchmarks
 */
public record Rendered(
        RenderUnit unit, List<Map<String, Object>> documents, Finding failure, List<String> remoteUrls, long millis) {

    public Rendered {
        documents = documents == null ? List.of() : documents;
        remoteUrls = remoteUrls == null ? List.of() : List.copyOf(remoteUrls);
    }

    public boolean ok() {
        return failure == null;
    }
}
