package dev.kfboot.render;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to render: the remote cache (null: let kustomize fetch), parallelism and the per-render timeout.
 */
public record RenderOptions(Path remoteCache, int threads, Duration timeout) {

    public static RenderOptions defaults(Path remoteCache) {
        return new RenderOptions(remoteCache, RenderPool.defaultThreads(), Duration.ofMinutes(5));
    }

    public RenderOptions withThreads(int n) {
        return new RenderOptions(remoteCache, n, timeout);
    }
}
