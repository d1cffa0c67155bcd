package dev.kfboot.render;

import dev.kfboot.yaml.DocumentMemo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to render: the remote cache (null: let kustomize fetch), parallelism, the per-render timeout, the
 * kustomize to run (null: {@link KustomizeTool#detect()}), and for a process that renders again and again the
 * documents it parsed before (null: none).
 */
public record RenderOptions(Path remoteCache, int threads, Duration timeout, KustomizeTool tool, DocumentMemo memo) {

    public RenderOptions(Path remoteCache, int threads, Duration timeout, KustomizeTool tool) {
        this(remoteCache, threads, timeout, tool, null);
    }

    public static RenderOptions defaults(Path remoteCache) {
        return new RenderOptions(remoteCache, RenderPool.defaultThreads(), Duration.ofMinutes(5), null);
    }

    public RenderOptions withThreads(int n) {
        return new RenderOptions(remoteCache, n, timeout, tool, memo);
    }

    public RenderOptions withTool(KustomizeTool t) {
        return new RenderOptions(remoteCache, threads, timeout, t, memo);
    }

    public RenderOptions withMemo(DocumentMemo m) {
        return new RenderOptions(remoteCache, threads, timeout, tool, m);
    }

    public KustomizeTool toolOrDetect() {
        return tool != null ? tool : KustomizeTool.detect();
    }
}
