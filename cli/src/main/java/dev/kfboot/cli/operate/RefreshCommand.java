package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.Refresher;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot refresh}: have Argo CD compare apps with their source again. */
@Command(
        name = "refresh",
        mixinStandardHelpOptions = true,
        description = {
            "Have Argo CD compare applications with their source again.",
            "",
            "Sets Argo CD's refresh annotation, so it compares now instead of at its next poll, "
                    + "and waits until Argo CD "
                    + "has processed it. --hard also drops Argo CD's cache of rendered manifests (after a change of a "
                    + "remote base or Helm chart that kept its version)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Argo CD refreshed every application asked for",
            "2:unusable input: no app named, an unknown app, kubeconfig or context",
            "3:Argo CD did not process the refresh in time (is its application controller "
                    + "running?), or the cluster failed"
        })
public final class RefreshCommand extends ClusterCommand {

    @Parameters(paramLabel = "APP", arity = "0..*", description = "Applications to refresh.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Refresh every application.")
    boolean all;

    @Option(names = "--hard", description = "Also regenerate the manifests (drops Argo CD's manifest cache).")
    boolean hard;

    @Override
    protected void validate() {
        if (names.isEmpty() == !all) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    all ? "name apps or --all, not both" : "nothing to refresh",
                    "kfboot refresh APP... or kfboot refresh --all");
        }
    }

    @Override
    protected String timeoutMeaning() {
        return "for Argo CD to finish the refresh";
    }

    @Override
    protected int run(Cluster c) throws InterruptedException {
        names = appNames(c, names);
        Applications apps = new Applications(c);
        try (AppStore store = openStore(c)) {
            List<String> chosen =
                    all ? store.snapshot().stream().map(AppStatus::name).toList() : names;
            for (String n : chosen) if (store.get(n).isEmpty()) apps.require(n);
            Refresher.await(store, new Refresher(apps).request(chosen, hard), cluster.timeout());
            for (String n : chosen) {
                out().println(n + ": refreshed" + (hard ? " (hard)" : "") + ", "
                        + StatusView.state(store.get(n).orElseThrow()));
            }
        }
        out().flush();
        return ExitCodes.OK;
    }
}
