package dev.kfboot.cli;

import dev.kfboot.catalog.Catalogs;
import picocli.CommandLine.IVersionProvider;

/** {@code kfboot --version}: kfboot's version and the releases it knows. */
public final class VersionProvider implements IVersionProvider {

    /** kfboot's version: the jar's, or 0.1.0-dev when run from classes. */
    static String version() {
        String v = KfbootCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
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
