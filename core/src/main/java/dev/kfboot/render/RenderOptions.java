package dev.kfboot.render;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to render: the remote cache (null: let kustomize fetch), parallelism, the per-render timeout, the
 * kustomize to run (null: {@link KustomizeTool#detect()}), and the bounds a hostile tree meets: each kustomize's
 * memory cap ({@code memoryBytes}, its address space; 0: none) and the whole run's deadline ({@code deadline};
 * null: none).
 */
public record RenderOptions(
        Path remoteCache, int threads, Duration timeout, KustomizeTool tool, long memoryBytes, Duration deadline) {

    /** Each render's default timeout: kubeflow's slowest component renders in seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    /**
     * Each kustomize's default address-space cap. kubectl kustomize maps about 1 GB before it reads anything; the
     * largest kubeflow render (26.03.1's kserve, 13 MB of YAML) peaks at 2.2 GB of address space (VmPeak, 830 MB
     * resident, with the renderer's GOGC=400), so 2 GiB failed it; an alias bomb still stops within seconds at 4 GiB.
     */
    public static final long DEFAULT_MEMORY_BYTES = 4L << 30;
    /** The whole run's default deadline. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public RenderOptions(Path remoteCache, int threads, Duration timeout, KustomizeTool tool) {
        this(remoteCache, threads, timeout, tool, DEFAULT_MEMORY_BYTES, DEFAULT_DEADLINE);
    }

    public static RenderOptions defaults(Path remoteCache) {
        return new RenderOptions(remoteCache, RenderPool.defaultThreads(), DEFAULT_TIMEOUT, null);
    }

    public RenderOptions withThreads(int n) {
        return new RenderOptions(remoteCache, n, timeout, tool, memoryBytes, deadline);
    }

    public RenderOptions withTool(KustomizeTool t) {
        return new RenderOptions(remoteCache, threads, timeout, t, memoryBytes, deadline);
    }

    /** @param bytes each kustomize's address-space cap, 0 for none */
    public RenderOptions withLimits(Duration perRender, long bytes, Duration total) {
        return new RenderOptions(remoteCache, threads, perRender, tool, bytes, total);
    }

    public KustomizeTool toolOrDetect() {
        return toolOrDetect(null);
    }

    /** @param cacheDir where the versions binaries answered are kept (null: ask) */
    public KustomizeTool toolOrDetect(Path cacheDir) {
        return tool != null ? tool : KustomizeTool.detect(cacheDir);
    }
}
