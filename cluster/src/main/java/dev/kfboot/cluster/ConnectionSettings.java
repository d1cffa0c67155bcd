package dev.kfboot.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach the cluster, the way kubectl takes it.
 *
 * @param kubeconfig            a kubeconfig file, or null for $KUBECONFIG / ~/.kube/config / in-cluster
 * @param context               a context of the kubeconfig, or null for its current context
 * @param argoNamespace         where Argo CD and its Applications live
 * @param requestTimeout        how long one API request may take
 * @param insecureSkipTlsVerify trust any server certificate (off unless asked for explicitly)
 * @param apiRetries            retries of a request the API throttled (429) or failed (5xx), with backoff
 * @param retryInterval         the first backoff interval; it doubles on each retry
 */
public record ConnectionSettings(
        Path kubeconfig,
        String context,
        String argoNamespace,
        Duration requestTimeout,
        boolean insecureSkipTlsVerify,
        int apiRetries,
        Duration retryInterval) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_API_RETRIES = 5;
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMillis(250);

    public ConnectionSettings {
        argoNamespace = argoNamespace == null || argoNamespace.isBlank() ? "argocd" : argoNamespace;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        retryInterval = retryInterval == null ? DEFAULT_RETRY_INTERVAL : retryInterval;
        apiRetries = Math.max(0, apiRetries);
    }

    /** The current context of the default kubeconfig, Argo CD in {@code argocd}. */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(
                null, null, "argocd", DEFAULT_REQUEST_TIMEOUT, false, DEFAULT_API_RETRIES, DEFAULT_RETRY_INTERVAL);
    }

    public ConnectionSettings withKubeconfig(Path file) {
        return new ConnectionSettings(
                file, context, argoNamespace, requestTimeout, insecureSkipTlsVerify, apiRetries, retryInterval);
    }
}
