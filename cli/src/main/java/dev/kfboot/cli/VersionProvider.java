package dev.kfboot.cli;

import dev.kfboot.catalog.Catalogs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.IVersionProvider;

/** {@code kfboot --version}: kfboot's version and the releases it knows. */
public final class VersionProvider implements IVersionProvider {

    /** kfboot's version: the jar's, or 0.1.0-dev when run from classes. */
    public static String version() {
        String v = KfbootCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    /**
     * This build: the jar's real path, size and modification time, so a rebuilt jar never reads what another build
     * remembered; null when run from classes (nothing is remembered then).
     */
    public static String build() {
        try {
            var source = KfbootCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path jar = Path.of(source.getLocation().toURI()).toRealPath();
            if (!Files.isRegularFile(jar)) return null;
            return version() + " " + jar + " " + Files.size(jar) + " "
                    + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String[] getVersion() {
        Catalogs c = Catalogs.builtin();
        return new String[] {
            "kfboot " + version(),
            "kubeflow/manifests releases: " + String.join(", ", c.releases()) + " (default " + c.defaultRelease() + ")"
        };
    }
}
