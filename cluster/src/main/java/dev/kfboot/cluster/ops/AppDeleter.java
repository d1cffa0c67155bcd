package dev.kfboot.cluster.ops;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.ManagedResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Deletes Applications in reverse wave order, each with Argo CD's resources finalizer so its objects go with
 * it, and waits until every app of a wave is gone before the next. Apps of apps go first without cascading:
 * otherwise they would delete (or re-create) their children all at once. Two deletions take data with them and
 * need a flag that names the consequence: the app owning the Profiles CRD (Kubernetes deletes every Profile,
 * and the profile controller every profile namespace) and apps owning Namespaces.
 */
public final class AppDeleter {

    /** The explicit permissions a deletion may need. */
    public record Consent(boolean profileNamespaces, boolean namespaces) {}

    private final Applications apps;
    private final Consumer<String> progress;

    public AppDeleter(Applications apps, Consumer<String> progress) {
        this.apps = apps;
        this.progress = progress;
    }

    /** Deletes {@code names} (all apps when null); returns the names deleted, in order. */
    public List<String> delete(List<String> names, Consent consent, AppStore store, Duration timeout)
            throws InterruptedException {
        List<GenericKubernetesResource> all = apps.list();
        List<GenericKubernetesResource> chosen = new ArrayList<>();
        if (names == null) chosen.addAll(all);
        else
            for (String n : names)
                chosen.add(all.stream()
                        .filter(a -> a.getMetadata().getName().equals(n))
                        .findFirst()
                        .orElseGet(() -> apps.require(n)));
        guard(chosen, all, names == null, consent);
        List<String> done = new ArrayList<>();
        for (GenericKubernetesResource root :
                chosen.stream().filter(AppDeleter::isAppOfApps).toList()) {
            String name = root.getMetadata().getName();
            apps.edit(name, false, "releasing the children of " + name, a -> {
                a.getMetadata()
                        .setFinalizers(new ArrayList<>(a.getMetadata().getFinalizers().stream()
                                .filter(f -> !f.startsWith(ArgoCd.RESOURCES_FINALIZER))
                                .toList()));
                return a;
            });
            apps.delete(name);
            awaitGone(store, List.of(name), timeout);
            progress.accept("deleted app of apps " + name + " (its child Applications are deleted one wave at a time)");
            done.add(name);
        }
        TreeMap<Integer, List<String>> byWave = new TreeMap<>(Comparator.reverseOrder());
        for (GenericKubernetesResource a : chosen) {
            if (!isAppOfApps(a))
                byWave.computeIfAbsent(AppStatus.of(a).wave(), k -> new ArrayList<>())
                        .add(a.getMetadata().getName());
        }
        for (Map.Entry<Integer, List<String>> wave : byWave.entrySet()) {
            for (String name : wave.getValue()) {
                apps.edit(name, false, "adding the resources finalizer to " + name, a -> {
                    List<String> f = a.getMetadata().getFinalizers() == null
                            ? new ArrayList<>()
                            : new ArrayList<>(a.getMetadata().getFinalizers());
                    if (f.stream().anyMatch(x -> x.startsWith(ArgoCd.RESOURCES_FINALIZER))) return null;
                    f.add(ArgoCd.RESOURCES_FINALIZER);
                    a.getMetadata().setFinalizers(f);
                    return a;
                });
                apps.delete(name);
            }
            progress.accept("wave " + wave.getKey() + ": deleting " + String.join(", ", wave.getValue())
                    + " and what they deployed");
            awaitGone(store, wave.getValue(), timeout);
            progress.accept("wave " + wave.getKey() + ": deleted");
            done.addAll(wave.getValue());
        }
        return done;
    }

    private void guard(
            List<GenericKubernetesResource> chosen,
            List<GenericKubernetesResource> all,
            boolean everything,
            Consent consent) {
        for (GenericKubernetesResource a : chosen) {
            String name = a.getMetadata().getName();
            List<ManagedResource> owned = ManagedResource.of(a);
            if (!consent.profileNamespaces()
                    && owned.stream()
                            .anyMatch(r -> r.is("apiextensions.k8s.io", "CustomResourceDefinition")
                                    && r.id().name().equals(ArgoCd.PROFILES_CRD))) {
                throw new ClusterException(
                        ClusterException.Kind.REFUSED,
                        "deleting " + name + " deletes the CRD " + ArgoCd.PROFILES_CRD
                                + ", and with it every Profile and "
                                + "every profile namespace (all users' notebooks, pipelines and volumes)",
                        "pass --delete-profile-namespaces to delete it anyway");
            }
            List<String> namespaces = owned.stream()
                    .filter(r -> r.is("", "Namespace"))
                    .map(r -> r.id().name())
                    .sorted()
                    .toList();
            if (!consent.namespaces() && !namespaces.isEmpty()) {
                throw new ClusterException(
                        ClusterException.Kind.REFUSED,
                        "deleting " + name + " deletes the namespace" + (namespaces.size() > 1 ? "s " : " ")
                                + String.join(", ", namespaces) + " and everything in them",
                        "pass --delete-namespaces to delete it anyway");
            }
            if (!everything) {
                for (GenericKubernetesResource root : all) {
                    if (root == a || !isAppOfApps(root) || chosen.contains(root)) continue;
                    if (ManagedResource.of(root).stream()
                                    .anyMatch(r -> r.is("argoproj.io", "Application")
                                            && r.id().name().equals(name))
                            && AppStatus.of(root).automated()) {
                        throw new ClusterException(
                                ClusterException.Kind.REFUSED,
                                name + " belongs to the app of apps "
                                        + root.getMetadata().getName() + ", whose automated sync would create it again",
                                "delete everything with --all, or remove " + name + " from the source of "
                                        + root.getMetadata().getName() + " first");
                    }
                }
            }
        }
    }

    static boolean isAppOfApps(GenericKubernetesResource app) {
        return ManagedResource.of(app).stream().anyMatch(r -> r.is("argoproj.io", "Application"));
    }

    private static void awaitGone(AppStore store, List<String> names, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = store.version();
            List<String> left =
                    names.stream().filter(n -> store.get(n).isPresent()).toList();
            if (left.isEmpty()) return;
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                throw new ClusterException(
                        ClusterException.Kind.TIMEOUT,
                        String.join(", ", left) + " still exist after " + timeout.toSeconds() + "s",
                        "Argo CD deletes their resources first; see what holds them with `kfboot describe "
                                + left.get(0) + "` and run the delete again");
            }
            store.awaitChange(seen, Duration.ofNanos(wait));
        }
    }
}
