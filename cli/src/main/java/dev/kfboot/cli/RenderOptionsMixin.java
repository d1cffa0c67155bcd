package dev.kfboot.cli;

import dev.kfboot.Sources;
import dev.kfboot.render.RenderOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --upstream} with {@code --remote-cache} and {@code --jobs}: render fresh instead of reading committed facts. */
public final class RenderOptionsMixin {

    @Option(names = "--upstream", paramLabel = "DIR",
            description = "Render this kubeflow/manifests tree with kustomize instead of using the committed facts.")
    Path upstream;

    @Mixin RenderTuning tuning;

    public RenderOptions renderOptions() {
        return tuning.renderOptions();
    }

    public Sources sources() {
        return upstream == null ? Sources.facts() : new Sources(upstream, renderOptions());
    }
}
