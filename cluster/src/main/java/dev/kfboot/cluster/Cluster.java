package dev.kfboot.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/**
 * A connected cluster: the fabric8 client, the namespace Argo CD lives in, and how to name the server in
 * messages. Closing it closes the client and every informer it started.
 */
public final class Cluster implements AutoCloseable {

    private final KubernetesClient client;
    private final String argoNamespace;
    private final String server;

    public Cluster(KubernetesClient client, String argoNamespace, String server) {
        this.client = client;
        this.argoNamespace = argoNamespace;
        this.server = server;
    }

    public KubernetesClient client() {
        return client;
    }

    public String argoNamespace() {
        return argoNamespace;
    }

    /** The API server URL and context, as shown in messages. */
    public String server() {
        return server;
    }

    /** Runs {@code call}, turning API failures into {@link ClusterException}s that say what was being done. */
    public <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (ClusterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ClusterErrors.translate(e, doing, server);
        }
    }

    public void run(String doing, Runnable r) {
        call(doing, () -> {
            r.run();
            return null;
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
