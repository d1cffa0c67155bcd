package dev.kfboot.cluster.argocd;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterErrors;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Reads and writes Applications and AppProjects in Argo CD's namespace as generic resources. */
public final class Applications {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final int CONFLICT_ATTEMPTS = 8;

    private final Cluster cluster;

    public Applications(Cluster cluster) {
        this.cluster = cluster;
    }

    public Cluster cluster() {
        return cluster;
    }

    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            apps() {
        return cluster.client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace(cluster.argoNamespace());
    }

    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            projects() {
        return cluster.client()
                .genericKubernetesResources(ArgoResources.APP_PROJECT)
                .inNamespace(cluster.argoNamespace());
    }

    /** The Application, or null when it does not exist. */
    public GenericKubernetesResource get(String name) {
        return cluster.call(
                "reading Application " + name, () -> apps().withName(name).get());
    }

    /** The label kfboot writes on each child Application: the component (app id) plan and report show. */
    static final String COMPONENT_LABEL = "kfboot.dev/component";

    /**
     * The Application a user means: {@code name} itself when an Application has that name, else the one Application
     * labelled as component {@code name} ({@code katib} for {@code kubeflow-katib}), else {@code name} unchanged
     * (then reading it fails with the names there are).
     */
    public String resolveName(String name) {
        if (name == null || get(name) != null) return name;
        List<String> labelled = cluster.call(
                "finding the Application of component " + name,
                () -> apps().withLabel(COMPONENT_LABEL, name).list().getItems().stream()
                        .map(a -> a.getMetadata().getName())
                        .sorted()
                        .toList());
        if (labelled.size() > 1) {
            throw new InputException(
                    Location.NONE,
                    "component '" + name + "' is deployed by several Applications: " + String.join(", ", labelled),
                    "name the Application");
        }
        return labelled.isEmpty() ? name : labelled.get(0);
    }

    /** The Application; a name that does not exist is bad input, answered with the names that do. */
    public GenericKubernetesResource require(String name) {
        GenericKubernetesResource app = get(name);
        if (app == null) {
            List<String> known =
                    list().stream().map(a -> a.getMetadata().getName()).sorted().toList();
            throw new InputException(
                    Location.NONE,
                    "no Application '" + name + "' in namespace " + cluster.argoNamespace(),
                    known.isEmpty()
                            ? "there are no Applications there: check --namespace, or deploy first"
                            : "Applications there: " + abbreviate(known));
        }
        return app;
    }

    public List<GenericKubernetesResource> list() {
        return cluster.call(
                "listing Applications in " + cluster.argoNamespace(),
                () -> apps().list().getItems().stream()
                        .sorted(Comparator.comparing(a -> a.getMetadata().getName()))
                        .toList());
    }

    public GenericKubernetesResource getProject(String name) {
        return cluster.call(
                "reading AppProject " + name, () -> projects().withName(name).get());
    }

    /** Creates an object from a plain document (an Application or AppProject of a tree). */
    public GenericKubernetesResource create(Map<String, Object> document, boolean project) {
        GenericKubernetesResource r = JSON.convertValue(document, GenericKubernetesResource.class);
        r.getMetadata().setNamespace(cluster.argoNamespace());
        var ops = project ? projects() : apps();
        return cluster.call("creating " + r.getKind() + " " + r.getMetadata().getName(), () -> {
            try {
                return ops.resource(r).create();
            } catch (RuntimeException e) {
                // A retried create whose first attempt went through answers 409: the object is there.
                if (ClusterErrors.code(e) == 409)
                    return ops.withName(r.getMetadata().getName()).get();
                throw e;
            }
        });
    }

    /**
     * Reads the object, changes it with {@code change} and writes it back with its resourceVersion; on a 409
     * (someone wrote in between) it reads again and re-applies the change. {@code change} returns null to leave
     * the object as it is.
     */
    public GenericKubernetesResource edit(
            String name, boolean project, String doing, UnaryOperator<GenericKubernetesResource> change) {
        var ops = project ? projects() : apps();
        return cluster.call(doing, () -> {
            for (int attempt = 1; ; attempt++) {
                GenericKubernetesResource fresh = ops.withName(name).get();
                if (fresh == null) {
                    throw new ClusterException(
                            ClusterException.Kind.NOT_FOUND,
                            (project ? "AppProject " : "Application ") + name + " disappeared while " + doing,
                            "someone deleted it; run the command again");
                }
                GenericKubernetesResource changed = change.apply(fresh);
                if (changed == null) return fresh;
                try {
                    return ops.resource(changed).update();
                } catch (RuntimeException e) {
                    if (ClusterErrors.code(e) != 409 || attempt >= CONFLICT_ATTEMPTS) throw e;
                }
            }
        });
    }

    /**
     * A JSON merge patch without a precondition, for changes that are the same whoever wrote last; returns the
     * resourceVersion it produced.
     */
    public String mergePatch(String name, String doing, Map<String, Object> patch) {
        return cluster.call(
                doing,
                () -> apps().withName(name)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), JSON.asJson(patch))
                        .getMetadata()
                        .getResourceVersion());
    }

    public void delete(String name) {
        cluster.run("deleting Application " + name, () -> apps().withName(name).delete());
    }

    static String abbreviate(List<String> names) {
        if (names.size() <= 12) return String.join(", ", names);
        return String.join(", ", names.subList(0, 12)) + " and " + (names.size() - 12) + " more";
    }
}
