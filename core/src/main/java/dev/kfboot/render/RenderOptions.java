package dev.kfboot.render;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to render: the remote cache (null: let kustomize fetch), parallelism, the per-render timeout, the
 * kustomize to run (null: {@link KustomizeTool#detect()}).
 */
public record RenderOptions(Path remoteCache, int threads, Duration timeout, KustomizeTool tool) {

    public static RenderOptions defaults(Path remoteCache) {
        return new RenderOptions(remoteCache, RenderPool.defaultThreads(), Duration.ofMinutes(5), null);
    }

    public RenderOptions withThreads(int n) {
        return new RenderOptions(remoteCache, n, timeout, tool);
    }

    public RenderOptions withTool(KustomizeTool t) {
        return new RenderOptions(remoteCache, threads, timeout, t);
    }

    public KustomizeTool toolOrDetect() {
        return toolOrDetect(null);
    }

    /** @param cacheDir where the versions binaries answered are kept (null: ask) */
    public KustomizeTool toolOrDetect(Path cacheDir) {
        return tool != null ? tool : KustomizeTool.detect(cacheDir);
    }
}
