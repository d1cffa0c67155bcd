package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ops.PortForwarder;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot port-forward TARGET}: reach Argo CD's UI or Kubeflow's gateway from this machine. */
@Command(
        name = "port-forward",
        mixinStandardHelpOptions = true,
        description = {
            "Reach Argo CD's UI or Kubeflow's gateway from this machine.",
            "",
            "Forward a local port to Argo CD's server (argocd: https://localhost:8080, user admin, see "
                    + "`kfboot password`) or to Kubeflow's Istio ingress gateway (gateway: "
                    + "http://localhost:8080), through a "
                    + "ready pod behind the service, until interrupted (Ctrl-C)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:forwarded until interrupted",
            "2:unusable input: target, port, address, kubeconfig or context",
            "3:no such service or no ready pod behind it, the forward broke, or the cluster failed"
        })
public final class PortForwardCommand extends ClusterCommand {

    enum Target {
        argocd,
        gateway
    }

    @Parameters(index = "0", paramLabel = "TARGET", description = "What to reach: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Local port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--address",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "Local address to listen on (default: ${DEFAULT-VALUE}).")
    String address;

    @Override
    protected void validate() {
        if (port < 0 || port > 65535)
            throw new CommandFailure(ExitCodes.INPUT, "port " + port + " is out of range", "use 1-65535");
    }

    @Override
    protected int run(Cluster c) {
        InetAddress listen;
        try {
            listen = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new CommandFailure(ExitCodes.INPUT, "unknown address " + address, "use 127.0.0.1 or 0.0.0.0");
        }
        PortForwarder forwarder = new PortForwarder(c);
        PortForwarder.Target t = target == Target.argocd
                ? PortForwarder.Target.argocd(c.argoNamespace(), port)
                : PortForwarder.Target.gateway(port);
        PortForwarder.Resolved r = forwarder.resolve(t);
        try (LocalPortForward forward = forwarder.start(r, listen)) {
            out().println("Forwarding from " + address + ":" + forward.getLocalPort() + " -> pod/" + r.pod() + ":"
                    + r.podPort() + " (service " + t.service() + ":" + t.servicePort() + ")");
            out().println("Open " + t.scheme() + "://localhost:" + forward.getLocalPort() + "/ ; Ctrl-C stops");
            out().flush();
            while (forward.isAlive()) {
                if (forward.errorOccurred()) {
                    throw new CommandFailure(
                            ExitCodes.CLUSTER,
                            "the port forward to pod " + r.pod() + " broke: " + forward.getServerThrowables()
                                    + forward.getClientThrowables(),
                            "run the command again");
                }
                Thread.sleep(1000); // LocalPortForward offers no callback; this only watches our own socket
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Ctrl-C or the caller stopped us: a normal end
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.CLUSTER, "closing the port forward failed: " + e.getMessage(), null);
        }
        return ExitCodes.OK;
    }
}
