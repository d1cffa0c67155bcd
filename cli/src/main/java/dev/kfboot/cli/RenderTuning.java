package dev.kfboot.cli;

import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderPool;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** {@code --remote-cache}, {@code --jobs}: how kustomize renders, for every command that renders. */
public final class RenderTuning {

    @Option(names = "--remote-cache", paramLabel = "DIR",
            description = "Local copies of remote kustomize bases, with an INDEX.tsv mapping URL and ref to a "
                    + "directory. Without it, kustomize fetches remote bases from the network.")
    Path remoteCache;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Renders at once (default: the number of cores).")
    Integer jobs;

    public RenderOptions renderOptions() {
        int n = jobs == null ? RenderPool.defaultThreads() : Math.max(1, jobs);
        return new RenderOptions(remoteCache, n, Duration.ofMinutes(5), null);
    }
}
