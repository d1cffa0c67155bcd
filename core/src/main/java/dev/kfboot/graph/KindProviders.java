package dev.kfboot.graph;

import dev.kfboot.model.GroupKind;
import java.util.Map;
import java.util.Set;

/**
 * CRDs that come from outside the rendered manifests: kinds an app of the platform declares it installs
 * (an extra app's {@code provides}, whose manifests kfboot does not render), and kinds the cluster already has
 * (e.g. the Gateway API CRDs a kgateway install brings). {@code shippedBy} is not a provider: it names, for a kind
 * nothing provides, the release component that would ({@link MissingProviders}).
 */
public record KindProviders(
        Map<GroupKind, String> declared, Set<GroupKind> preinstalled, Map<GroupKind, String> shippedBy) {

    public static final KindProviders NONE = new KindProviders(Map.of(), Set.of());

    public KindProviders {
        declared = Map.copyOf(declared);
        preinstalled = Set.copyOf(preinstalled);
        shippedBy = Map.copyOf(shippedBy);
    }

    public KindProviders(Map<GroupKind, String> declared, Set<GroupKind> preinstalled) {
        this(declared, preinstalled, Map.of());
    }

    /** These providers, knowing which release component ships each CRD. */
    public KindProviders withShippedBy(Map<GroupKind, String> components) {
        return new KindProviders(declared, preinstalled, components);
    }
}
