package dev.kfboot.cli;

import dev.kfboot.catalog.Catalogs;
import picocli.CommandLine.IVersionProvider;

/** {@code kfboot --version}: kfboot's version and the releases it knows. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = KfbootCommand.class.getPackage().getImplementationVersion();
        Catalogs c = Catalogs.builtin();
        return new String[] {
            "kfboot " + (v == null ? "0.1.0-dev" : v),
            "kubeflow/manifests releases: " + String.join(", ", c.releases()) + " (default " + c.defaultRelease() + ")"
        };
    }
}
