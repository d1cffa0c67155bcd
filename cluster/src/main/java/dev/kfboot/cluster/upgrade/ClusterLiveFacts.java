package dev.kfboot.cluster.upgrade;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.inventory.Crd;
import dev.kfboot.model.ResourceId;
import dev.kfboot.upgrade.LiveFacts;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LiveFacts} read through the API: one GET per CRD (cached), one list per kind of a CRD that goes away, at the
 * version the live CRD stores. GETs and LISTs only.
 */
public final class ClusterLiveFacts implements LiveFacts {

    private final Cluster cluster;
    private final Map<String, Optional<CustomResourceDefinition>> crds = new ConcurrentHashMap<>();

    public ClusterLiveFacts(Cluster cluster) {
        this.cluster = cluster;
    }

    private Optional<CustomResourceDefinition> crd(String name) {
        return crds.computeIfAbsent(
                name,
                n -> Optional.ofNullable(cluster.call(
                        "reading CRD " + n,
                        () -> cluster.client()
                                .apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .withName(n)
                                .get())));
    }

    @Override
    public Optional<List<String>> storedVersions(String crdName) {
        return Optional.of(crd(crdName)
                .map(c -> c.getStatus() == null || c.getStatus().getStoredVersions() == null
                        ? List.<String>of()
                        : List.copyOf(c.getStatus().getStoredVersions()))
                .orElse(List.of()));
    }

    @Override
    public Optional<List<ResourceId>> customResources(Crd crd, String version) {
        Optional<CustomResourceDefinition> live = crd(crd.plural() + "." + crd.group());
        if (live.isEmpty()) return Optional.of(List.of());
        String stored = live.get().getSpec().getVersions().stream()
                .filter(v -> Boolean.TRUE.equals(v.getStorage()))
                .map(CustomResourceDefinitionVersion::getName)
                .findFirst()
                .orElse(version);
        boolean namespaced = !"Cluster".equals(live.get().getSpec().getScope());
        ResourceDefinitionContext ctx = new ResourceDefinitionContext.Builder()
                .withGroup(crd.group())
                .withVersion(stored)
                .withKind(crd.kind())
                .withPlural(crd.plural())
                .withNamespaced(namespaced)
                .build();
        List<GenericKubernetesResource> items = cluster.call(
                "listing " + crd.kind() + " objects",
                () -> namespaced
                        ? cluster.client()
                                .genericKubernetesResources(ctx)
                                .inAnyNamespace()
                                .list()
                                .getItems()
                        : cluster.client()
                                .genericKubernetesResources(ctx)
                                .list()
                                .getItems());
        List<ResourceId> out = new ArrayList<>();
        for (GenericKubernetesResource r : items) {
            out.add(ResourceId.of(
                    crd.group(),
                    crd.kind(),
                    namespaced ? r.getMetadata().getNamespace() : null,
                    r.getMetadata().getName()));
        }
        out.sort(null);
        return Optional.of(out);
    }

    @Override
    public String source() {
        return "cluster " + cluster.server();
    }
}
