package dev.kfboot.cli;

import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code -f platform.yaml}; without it, the built-in default platform. */
public final class SpecOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Platform spec (apiVersion kfboot.dev/v1alpha1, kind Platform). Default: the built-in "
                    + "default platform: the example set of the --upstream tree's release (derived from its example "
                    + "when kfboot has no catalog for it), else of the default release.")
    String file;

    public Platform load() {
        if (file == null) return Platform.defaults(null); // the tree's release with --upstream, else the default
        return PlatformReader.read(Path.of(file), file);
    }
}
