package dev.kfboot.needs;

import dev.kfboot.catalog.KubernetesRequirement;
import dev.kfboot.catalog.Requests;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.spec.App;
import dev.kfboot.spec.ExtraApp;
import dev.kfboot.spec.ResolvedPlatform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a platform needs of the cluster it is installed on.
 *
 * @param kubernetes the release's minimum Kubernetes version and why (null when its catalog names none)
 * @param requests   each enabled component's requests (the release README's figures), in catalog order; components
 *                   without a figure are left out
 * @param crds       the CustomResourceDefinitions the platform creates, by name
 * @param namespaces the Namespaces the platform creates (never Kubernetes' own)
 * @param apps       the names of the platform's Applications (its components and extra apps)
 */
public record ClusterNeeds(
        String release,
        KubernetesRequirement kubernetes,
        Map<String, Requests> requests,
        List<Created> crds,
        List<Created> namespaces,
        Set<String> apps) {

    /**
     * A cluster-scoped object the platform creates: its name, the app that creates it and the labels it carries
     * (some upstream manifests carry {@code app.kubernetes.io/managed-by: Helm} themselves).
     */
    public record Created(String name, String app, Map<String, String> labels) {}

    public ClusterNeeds {
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        crds = List.copyOf(crds);
        namespaces = List.copyOf(namespaces);
        apps = Collections.unmodifiableSet(new LinkedHashSet<>(apps));
    }

    /** @param inventory the plan's inventory of the platform (objects attributed to app ids) */
    public static ClusterNeeds of(ResolvedPlatform platform, Inventory inventory) {
        Map<String, Requests> requests = new LinkedHashMap<>();
        for (App a : platform.apps()) {
            if (!a.component().requests().equals(Requests.NONE))
                requests.put(a.id(), a.component().requests());
        }
        List<Created> crds = new ArrayList<>();
        List<Created> namespaces = new ArrayList<>();
        for (Inventory.Entry e : inventory.entries()) {
            Created c = new Created(
                    e.object().id().name(), e.component(), e.object().labels());
            if (e.object().isCrd()) crds.add(c);
            else if (e.object().isNamespace() && !Inventory.BUILTIN_NAMESPACES.contains(c.name())) namespaces.add(c);
        }
        Comparator<Created> byName = Comparator.comparing(Created::name).thenComparing(Created::app);
        crds.sort(byName);
        namespaces.sort(byName);
        Set<String> apps = new LinkedHashSet<>(platform.appIds());
        for (ExtraApp x : platform.extraApps()) apps.add(x.name());
        return new ClusterNeeds(platform.release(), platform.catalog().kubernetes(), requests, crds, namespaces, apps);
    }

    /** The enabled components' requests added up. */
    public Requests total() {
        Requests sum = Requests.NONE;
        for (Requests r : requests.values()) sum = sum.plus(r);
        return sum;
    }

    /** The components that request PVC storage, with their figure in GB, largest first. */
    public Map<String, Integer> storageByApp() {
        Map<String, Integer> out = new LinkedHashMap<>();
        requests.entrySet().stream()
                .filter(e -> e.getValue().storageGB() > 0)
                .sorted(Map.Entry.<String, Requests>comparingByValue(Comparator.comparingInt(Requests::storageGB))
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue().storageGB()));
        return out;
    }
}
