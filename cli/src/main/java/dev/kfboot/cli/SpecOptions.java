package dev.kfboot.cli;

import dev.kfboot.model.InputException;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f platform.yaml}; without it, the built-in default platform. */
public final class SpecOptions {

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Platform spec (apiVersion kfboot.dev/v1alpha1, kind Platform). Default: the built-in "
                    + "default platform: the example set of the --upstream tree's release (derived from its example "
                    + "when kfboot has no catalog for it), else of the default release.")
    public String file;

    public Platform load() {
        return load(null);
    }

    /**
     * The spec, or the default platform of {@code release} (null: the tree's release with --upstream, else the
     * default; the catalogs in use check it). A release that contradicts the spec's own is refused: one of them would
     * be silently ignored.
     */
    public Platform load(String release) {
        if (file == null) return Platform.defaults(release);
        Platform p = PlatformReader.read(Path.of(file), file);
        if (release != null && p.release() != null && !p.release().equals(release)) {
            throw new InputException(
                    p.source(),
                    "--release " + release + " contradicts the spec's release " + p.release(),
                    "leave --release out to plan the spec's release, or change spec.release");
        }
        return p;
    }
}
