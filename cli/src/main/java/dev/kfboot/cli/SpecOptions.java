package dev.kfboot.cli;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code -f platform.yaml}; without it, the built-in default platform. */
public final class SpecOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Platform spec (apiVersion kfboot.dev/v1alpha1, kind Platform). Default: the built-in "
                    + "default platform (the default release's example set).")
    String file;

    public Platform load() {
        if (file == null) return Platform.defaults(Catalogs.builtin().defaultRelease());
        return PlatformReader.read(Path.of(file), file);
    }
}
