package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.install.ArgoCdUninstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kfboot uninstall-argocd}: remove what install-argocd applied. */
@Command(
        name = "uninstall-argocd",
        mixinStandardHelpOptions = true,
        description = {
            "Remove Argo CD again.",
            "",
            "Delete the objects of its install manifest in reverse order (its CRDs last) and wait "
                    + "until they are gone. The namespace stays. Refused while Applications exist, unless "
                    + "--orphan-applications: then they are released and their workloads keep running, unmanaged."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Argo CD is removed",
            "2:unusable input or refused: Applications exist (delete them first, or "
                    + "--orphan-applications), the manifest, kubeconfig or context",
            "3:not gone in time, or the cluster failed"
        })
public final class UninstallArgoCdCommand extends ArgoCdManifestCommand {

    @Option(
            names = "--orphan-applications",
            description = "Release remaining Applications first: their workloads stay running without Argo CD.")
    boolean orphanApplications;

    @Override
    protected String timeoutMeaning() {
        return "for Argo CD's objects to be gone";
    }

    @Override
    protected int run(Cluster c) {
        new ArgoCdUninstaller(c, progress()).uninstall(manifest, orphanApplications, cluster.timeout());
        out().println("Argo CD is removed from namespace " + c.argoNamespace() + " (the namespace itself stays)");
        out().flush();
        return ExitCodes.OK;
    }
}
