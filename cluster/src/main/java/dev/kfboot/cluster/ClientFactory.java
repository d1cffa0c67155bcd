package dev.kfboot.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;

/**
 * Builds the fabric8 client from a kubeconfig the way kubectl reads it: {@code --kubeconfig}, else
 * {@code $KUBECONFIG} or {@code ~/.kube/config}, else the in-cluster service account; {@code --context} picks a
 * context. TLS verification stays on unless {@code --insecure-skip-tls-verify} (or the kubeconfig's own
 * {@code insecure-skip-tls-verify}) says otherwise. Building a client does not contact the server.
 */
public final class ClientFactory {

    private ClientFactory() {}

    public static Cluster connect(ConnectionSettings s) {
        Config config = config(s);
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new NoRedirects())
                .build();
        return new Cluster(client, s.argoNamespace(), describe(config));
    }

    static Config config(ConnectionSettings s) {
        Config config = read(s);
        if (s.context() != null) checkContext(s, config.getContexts());
        int timeout = (int) Math.min(Integer.MAX_VALUE, s.requestTimeout().toMillis());
        config.setRequestTimeout(timeout);
        config.setConnectionTimeout(Math.min(timeout, 10_000));
        config.setRequestRetryBackoffLimit(s.apiRetries());
        config.setRequestRetryBackoffInterval((int) s.retryInterval().toMillis());
        config.setWatchReconnectInterval((int) Math.max(100, s.retryInterval().toMillis()));
        // Over TLS, HTTP/2 is negotiated (ALPN). Over plain HTTP (kubectl proxy) the JDK client would try an h2c
        // upgrade on each connection's first request, which the API server does not do and which now and then
        // loses that request's response (seen with the mock API server: a first list that never returns)
        if (config.getMasterUrl() != null && config.getMasterUrl().startsWith("http:")) config.setHttp2Disable(true);
        if (s.insecureSkipTlsVerify()) {
            config.setTrustCerts(true);
            config.setDisableHostnameVerification(true);
        }
        return config;
    }

    /**
     * The kubeconfig {@link Kubeconfigs} located, read by fabric8 (which merges a KUBECONFIG list itself); fabric8's
     * messages are not shown, since they may quote the file.
     */
    private static Config read(ConnectionSettings s) {
        Kubeconfigs.Located located = Kubeconfigs.locate(s.kubeconfig());
        try {
            if (s.kubeconfig() != null)
                return Config.fromKubeconfig(s.context(), s.kubeconfig().toFile());
            return Config.autoConfigure(s.context());
        } catch (RuntimeException e) {
            if (located.files().isEmpty()) {
                throw new ClusterException(
                        ClusterException.Kind.CONFIG,
                        "cannot read the in-cluster service account",
                        "pass a kubeconfig with --kubeconfig or set KUBECONFIG",
                        e);
            }
            throw Kubeconfigs.unreadable(located.files().get(0), e);
        }
    }

    private static void checkContext(ConnectionSettings s, List<NamedContext> contexts) {
        List<String> names = contexts == null
                ? List.of()
                : contexts.stream().map(NamedContext::getName).sorted().toList();
        if (!names.contains(s.context())) {
            throw new ClusterException(
                    ClusterException.Kind.CONFIG,
                    "context '" + s.context() + "' is not in the kubeconfig",
                    names.isEmpty()
                            ? "the kubeconfig defines no contexts"
                            : "known contexts: " + String.join(", ", names));
        }
    }

    /** "https://host:6443 (context kind-kubeflow)", for error messages. */
    private static String describe(Config c) {
        String ctx =
                c.getCurrentContext() == null ? null : c.getCurrentContext().getName();
        return c.getMasterUrl() + (ctx == null ? "" : " (context " + ctx + ")");
    }
}
