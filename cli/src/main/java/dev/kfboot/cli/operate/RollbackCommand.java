package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.OperationWaiter;
import dev.kfboot.cluster.argocd.Rollback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kfboot rollback APP ID}: return an app to an earlier deployment. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Return an application to an earlier deployment.",
            "",
            "To a deployment of its history (IDs: `kfboot history APP`) and wait for it.",
            "",
            "Argo CD refuses a rollback while automated sync is on, since it would sync forward again at once: kfboot "
                    + "switches it off first and says so. `kfboot deploy DIR` switches it back on."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:rolled back: the operation succeeded",
            "2:unusable input: an unknown app or history ID, kubeconfig or context",
            "3:the rollback failed or timed out, another operation was running, or the cluster failed"
        })
public final class RollbackCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "APP", description = "The application.")
    String app;

    @Parameters(index = "1", paramLabel = "ID", description = "The history entry to return to.")
    long id;

    @Override
    protected String timeoutMeaning() {
        return "for the rollback's sync to finish";
    }

    @Override
    protected int run(Cluster c) throws InterruptedException {
        app = appName(c, app);
        try (AppStore store = openStore(c)) {
            String opId = "rollback-" + Long.toString(System.currentTimeMillis(), 36) + "/" + app;
            Rollback.Started started = new Rollback(new Applications(c)).start(app, id, opId);
            if (started.autoSyncSwitchedOff()) {
                err().println("kfboot: warning: automated sync of " + app
                        + " is now off (Argo CD does not roll back while it "
                        + "is on); `kfboot deploy DIR` switches it back on");
                err().flush();
            }
            out().println("rolling " + app + " back to history " + id + ": revision "
                    + started.entry().revision() + " (" + started.entry().sourceLabel() + ")");
            out().flush();
            AppStatus done = OperationWaiter.await(store, app, opId, cluster.timeout());
            if (!done.lastOperation().succeeded()) {
                throw new CommandFailure(
                        ExitCodes.CLUSTER,
                        "rollback of " + app + " "
                                + done.lastOperation().phase().toLowerCase() + ": "
                                + done.lastOperation().message(),
                        "see `kfboot describe " + app + "`");
            }
            out().println(app + ": rolled back, " + StatusView.state(done));
            out().flush();
            return ExitCodes.OK;
        }
    }
}
