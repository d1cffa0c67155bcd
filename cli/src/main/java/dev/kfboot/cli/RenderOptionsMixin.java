package dev.kfboot.cli;

import dev.kfboot.Sources;
import dev.kfboot.catalog.CatalogFile;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --upstream} with {@code --remote-cache} and {@code --jobs}: render fresh instead of reading committed facts.
 */
public final class RenderOptionsMixin {

    @Option(
            names = "--upstream",
            paramLabel = "DIR",
            description = "Render this kubeflow/manifests tree with kustomize instead of using the committed facts.")
    public Path upstream;

    @Mixin
    RenderTuning tuning;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description =
                    "A user catalog (kfboot catalog scan --out FILE) of a release kfboot does not ship; repeatable. "
                            + "The user catalog directory ($XDG_CONFIG_HOME/kfboot/catalogs) is read too.")
    List<Path> catalogFiles = new ArrayList<>();

    /** The built-in releases plus the user catalog directory's and --catalog's. */
    public Catalogs catalogs() {
        return CatalogFile.withUserCatalogs(Catalogs.builtin(), CatalogFile.userDirectory(), catalogFiles);
    }

    public RenderOptions renderOptions() {
        return tuning.renderOptions();
    }

    public Sources sources() {
        return upstream == null ? Sources.facts() : new Sources(upstream, renderOptions());
    }
}
