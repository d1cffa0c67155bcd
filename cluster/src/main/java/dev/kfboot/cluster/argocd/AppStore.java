package dev.kfboot.cluster.argocd;

import dev.kfboot.cluster.ChangeSignal;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterErrors;
import dev.kfboot.cluster.ClusterException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * All Applications of Argo CD's namespace, kept current by one informer (a list, then one watch that fabric8
 * re-establishes when it drops). Readers take snapshots; waiters block until something changed, so nothing
 * polls. Every status, watch and deploy reads through one of these.
 */
public final class AppStore implements AutoCloseable {

    private static final long PAGE = 250;

    private final Cluster cluster;
    private final SharedIndexInformer<GenericKubernetesResource> informer;
    private final ChangeSignal changes = new ChangeSignal();
    private volatile Throwable lastWatchError;

    private AppStore(Cluster cluster) {
        this.cluster = cluster;
        this.informer = cluster.client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace(cluster.argoNamespace())
                .withLimit(PAGE)
                .runnableInformer(0);
        informer.itemStore(new SlimItemStore());
        informer.exceptionHandler((started, t) -> {
            lastWatchError = t;
            return started; // once running, keep re-establishing the watch; a failing first list is reported
        });
        informer.addEventHandler(changes);
    }

    /** Lists the Applications and starts watching them; fails when the first list fails or takes too long. */
    public static AppStore start(Cluster cluster, Duration timeout) {
        AppStore store = new AppStore(cluster);
        try {
            store.informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            store.close();
            throw ClusterErrors.translate(
                    e.getCause(), "listing Applications in " + cluster.argoNamespace(), cluster.server());
        } catch (TimeoutException e) {
            store.close();
            throw new ClusterException(
                    ClusterException.Kind.TIMEOUT,
                    "listing Applications in " + cluster.argoNamespace() + " took longer than " + timeout.toSeconds()
                            + "s",
                    "the API server is slow or unreachable: check --context, or raise --request-timeout");
        } catch (InterruptedException e) {
            store.close();
            Thread.currentThread().interrupt();
            throw new ClusterException(ClusterException.Kind.FAILED, "interrupted", null);
        } catch (RuntimeException e) {
            store.close();
            throw ClusterErrors.translate(e, "listing Applications in " + cluster.argoNamespace(), cluster.server());
        }
        return store;
    }

    /** Every Application, by wave then name. */
    public List<AppStatus> snapshot() {
        return informer.getStore().list().stream()
                .map(AppStatus::of)
                .sorted(Comparator.comparingInt((AppStatus a) -> a.wave()).thenComparing(AppStatus::name))
                .toList();
    }

    public Optional<AppStatus> get(String name) {
        return raw(name).map(AppStatus::of);
    }

    /** The cached (slimmed) object: spec, operation and status summary. */
    public Optional<GenericKubernetesResource> raw(String name) {
        return Optional.ofNullable(informer.getStore().getByKey(cluster.argoNamespace() + "/" + name));
    }

    public String namespace() {
        return cluster.argoNamespace();
    }

    public int size() {
        return informer.getStore().list().size();
    }

    public long version() {
        return changes.version();
    }

    /** Blocks until the store changed after {@code seen} or {@code max} passed; returns the version now. */
    public long awaitChange(long seen, Duration max) throws InterruptedException {
        return changes.awaitChange(seen, max);
    }

    /** Whether the watch is established right now (false while fabric8 re-establishes a dropped one). */
    public boolean watching() {
        return informer.isWatching();
    }

    public Throwable lastWatchError() {
        return lastWatchError;
    }

    /** Stops the informer and waits briefly until its watch is closed, so the server sees a clean goodbye. */
    @Override
    public void close() {
        informer.close();
        try {
            informer.stopped().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // stopping is best effort: the process or the client goes next anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
