package dev.kfboot.cli;

import dev.kfboot.Sources;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderPool;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** {@code --upstream}, {@code --remote-cache}, {@code --jobs}: render fresh instead of reading committed facts. */
public final class RenderOptionsMixin {

    @Option(names = "--upstream", paramLabel = "DIR",
            description = "Render this kubeflow/manifests tree with kustomize instead of using the committed facts.")
    Path upstream;

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

    public Sources sources() {
        return upstream == null ? Sources.facts() : new Sources(upstream, renderOptions());
    }
}
