package dev.kfboot.cli;

import dev.kfboot.cluster.install.ArgoCdManifest;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which Argo CD install manifest: a release version (downloaded) or a local file (air-gapped clusters). */
public final class ManifestOptions {

    @Option(
            names = "--argocd-version",
            paramLabel = "VERSION",
            defaultValue = ArgoCdManifest.DEFAULT_VERSION,
            description = "Argo CD release whose install.yaml is downloaded (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description = "Use this install.yaml instead of downloading one (air-gapped clusters).")
    Path manifest;

    public ArgoCdManifest load(Duration timeout) {
        return manifest != null ? ArgoCdManifest.fromFile(manifest) : ArgoCdManifest.download(version, timeout);
    }
}
