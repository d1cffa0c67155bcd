package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ops.InitialPassword;
import picocli.CommandLine.Command;

/** {@code kfboot password}: the one command that prints a secret. */
@Command(
        name = "password",
        mixinStandardHelpOptions = true,
        description = {
            "Print Argo CD's initial admin password.",
            "",
            "The password of user admin, read from the secret argocd-initial-admin-secret. "
                    + "This is the only kfboot command that prints a secret; it prints nothing else on stdout."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed",
            "2:unusable settings (kubeconfig, context)",
            "3:no such secret (Argo CD not installed, or the secret was deleted after a "
                    + "password change), or the cluster failed"
        })
public final class PasswordCommand extends ClusterCommand {

    @Override
    protected int run(Cluster c) {
        out().println(InitialPassword.read(c));
        out().flush();
        return ExitCodes.OK;
    }
}
