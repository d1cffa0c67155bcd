package dev.kfboot.cli.operate;

import dev.kfboot.cli.ManifestOptions;
import dev.kfboot.cluster.install.ArgoCdManifest;
import picocli.CommandLine.Mixin;

/** A command that works from Argo CD's install manifest, read (or downloaded) before it connects. */
abstract class ArgoCdManifestCommand extends ClusterCommand {

    @Mixin
    ManifestOptions manifestOptions;

    ArgoCdManifest manifest;

    @Override
    protected void validate() {
        manifest = manifestOptions.load(cluster.settings().requestTimeout());
    }
}
