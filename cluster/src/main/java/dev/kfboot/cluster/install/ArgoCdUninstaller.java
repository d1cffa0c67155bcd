package dev.kfboot.cluster.install;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterErrors;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.argocd.ArgoResources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Removes what {@link ArgoCdInstaller} applied, in reverse order (the CRDs last), and waits until it is gone.
 * It refuses while Applications exist: deleting the Application CRD deletes them, and with nothing left to
 * process their resources finalizer they would hang in deletion. With {@code orphanApplications} their
 * finalizers are removed first, so the Applications go and the workloads they deployed stay, unmanaged.
 * The namespace stays: it may hold more than Argo CD.
 */
public final class ArgoCdUninstaller {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final Cluster cluster;
    private final Consumer<String> progress;

    public ArgoCdUninstaller(Cluster cluster, Consumer<String> progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    /** Returns how many objects were deleted. */
    public int uninstall(ArgoCdManifest manifest, boolean orphanApplications, Duration timeout) {
        List<GenericKubernetesResource> apps = applications();
        if (!apps.isEmpty() && !orphanApplications) {
            throw new ClusterException(
                    ClusterException.Kind.REFUSED,
                    apps.size() + " Applications still exist in " + cluster.argoNamespace() + " (" + names(apps) + ")",
                    "delete them first with `kfboot delete --all --yes` (removes what they deployed), or pass "
                            + "--orphan-applications to keep their workloads running without Argo CD");
        }
        for (GenericKubernetesResource a : apps) {
            String name = a.getMetadata().getName();
            cluster.run(
                    "releasing Application " + name,
                    () -> cluster.client()
                            .genericKubernetesResources(ArgoResources.APPLICATION)
                            .inNamespace(cluster.argoNamespace())
                            .withName(name)
                            .edit(x -> {
                                x.getMetadata().setFinalizers(List.of());
                                return x;
                            }));
        }
        if (!apps.isEmpty()) progress.accept("released " + apps.size() + " Applications; their workloads stay running");
        List<HasMetadata> objects = new ArrayList<>();
        for (Map<String, Object> o : manifest.objects(cluster.argoNamespace()))
            objects.add((HasMetadata) JSON.unmarshal(JSON.asJson(o)));
        Collections.reverse(objects);
        int deleted = 0;
        for (HasMetadata o : objects) {
            String what = o.getKind() + " " + o.getMetadata().getName();
            boolean gone = cluster.call(
                    "deleting " + what,
                    () -> cluster.client().resource(o).delete().isEmpty());
            if (!gone) deleted++;
        }
        progress.accept("deleted " + deleted + " objects of " + manifest.source());
        awaitGone(objects, timeout);
        return deleted;
    }

    private List<GenericKubernetesResource> applications() {
        try {
            return cluster.client()
                    .genericKubernetesResources(ArgoResources.APPLICATION)
                    .inNamespace(cluster.argoNamespace())
                    .list()
                    .getItems();
        } catch (RuntimeException e) {
            if (ClusterErrors.code(e) == 404) return List.of(); // no Application CRD: nothing to protect
            throw ClusterErrors.translate(e, "listing Applications", cluster.server());
        }
    }

    private void awaitGone(List<HasMetadata> objects, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (HasMetadata o : objects) {
            if (cluster.call(
                            "reading " + o.getKind() + " " + o.getMetadata().getName(),
                            () -> cluster.client().resource(o).get())
                    == null) {
                continue; // most objects go at once; only those held by a finalizer are watched
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            boolean gone = cluster.call(
                                    "waiting for " + o.getKind() + " "
                                            + o.getMetadata().getName() + " to go",
                                    () -> cluster.client().resource(o).informOnCondition(List::isEmpty))
                            .completeOnTimeout(null, Math.max(1, left), TimeUnit.MILLISECONDS)
                            .join()
                    != null;
            if (!gone) {
                throw new ClusterException(
                        ClusterException.Kind.TIMEOUT,
                        o.getKind() + " " + o.getMetadata().getName() + " is still there after " + timeout.toSeconds()
                                + "s",
                        "something holds it (a finalizer?): kubectl get "
                                + o.getKind().toLowerCase() + " "
                                + o.getMetadata().getName() + " -o yaml");
            }
        }
    }

    private static String names(List<GenericKubernetesResource> apps) {
        List<String> n =
                apps.stream().map(a -> a.getMetadata().getName()).sorted().toList();
        return n.size() <= 5
                ? String.join(", ", n)
                : String.join(", ", n.subList(0, 5)) + " and " + (n.size() - 5) + " more";
    }
}
