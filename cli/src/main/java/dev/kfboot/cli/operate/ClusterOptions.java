package dev.kfboot.cli.operate;

import dev.kfboot.cli.DurationConverter;
import dev.kfboot.cluster.ClientFactory;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ConnectionSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How the cluster commands reach the cluster, like kubectl. Holds only settings: the client is built when a
 * command runs ({@link #connect()}), so commands that do not talk to a cluster never load it.
 */
public final class ClusterOptions {

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description =
                    "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).")
    Path kubeconfig;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "Kubeconfig context to use (default: the current context).")
    String context;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            defaultValue = "argocd",
            description = "Namespace of Argo CD and its Applications (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long to wait for what the command waits for (default: ${DEFAULT-VALUE}); each "
                    + "command's help says what that is.")
    Duration timeout;

    @Option(
            names = "--request-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long one API request may take (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(
            names = "--api-retries",
            paramLabel = "N",
            defaultValue = "5",
            description = "Retries, with backoff, of requests the API throttles (429) or fails (5xx) "
                    + "(default: ${DEFAULT-VALUE}).")
    int apiRetries;

    @Option(
            names = "--insecure-skip-tls-verify",
            description = "Do not verify the API server's certificate (unsafe; verification is on by default).")
    boolean insecureSkipTlsVerify;

    public ConnectionSettings settings() {
        return new ConnectionSettings(
                kubeconfig,
                context,
                namespace,
                requestTimeout,
                insecureSkipTlsVerify,
                apiRetries,
                ConnectionSettings.DEFAULT_RETRY_INTERVAL);
    }

    public Cluster connect() {
        return ClientFactory.connect(settings());
    }

    public Duration timeout() {
        return timeout;
    }

    public String namespace() {
        return namespace;
    }
}
