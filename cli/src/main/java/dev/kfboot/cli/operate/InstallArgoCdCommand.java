package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.install.ArgoCdInstaller;
import picocli.CommandLine.Command;

/** {@code kfboot install-argocd}: install Argo CD and make it ready for an app of apps. */
@Command(
        name = "install-argocd",
        mixinStandardHelpOptions = true,
        description = {
            "Install Argo CD and make it ready for an app of apps.",
            "",
            "Install Argo CD into --namespace: apply its release's install.yaml server-side (or --manifest FILE "
                    + "for air-gapped clusters), add the argoproj.io/Application health check "
                    + "to argocd-cm (without it a parent "
                    + "app does not wait for its children), and wait until every Argo CD "
                    + "workload is ready. Safe to run again; "
                    + "a newer --argocd-version upgrades in place."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Argo CD is installed and ready",
            "2:unusable input: the manifest (file, version, download), kubeconfig or context",
            "3:Argo CD did not get ready in time, or the cluster failed"
        })
public final class InstallArgoCdCommand extends ArgoCdManifestCommand {

    @Override
    protected String timeoutMeaning() {
        return "for Argo CD's workloads to be ready";
    }

    @Override
    protected int run(Cluster c) {
        new ArgoCdInstaller(c, progress()).install(manifest, cluster.timeout());
        out().println("Argo CD is ready in namespace " + c.argoNamespace()
                + ". Next: kfboot password, kfboot port-forward argocd, kfboot deploy DIR");
        out().flush();
        return ExitCodes.OK;
    }
}
