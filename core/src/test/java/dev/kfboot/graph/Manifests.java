package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.inventory.ObjectReader;
import dev.kfboot.yaml.RenderedYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Components with their rendered objects written inline, for analysis tests that need no renderer. */
final class Manifests {

    private final List<KubeObject> objects = new ArrayList<>();
    private final Map<String, String> destinations = new LinkedHashMap<>();
    private final Set<String> nodes = new LinkedHashSet<>();

    /** Adds a component whose Application's destination namespace is {@code kubeflow}. */
    Manifests component(String id, String yaml) {
        return component(id, "kubeflow", yaml);
    }

    Manifests component(String id, String destination, String yaml) {
        nodes.add(id);
        destinations.put(id, destination);
        for (Map<String, Object> doc : RenderedYaml.parse(yaml)) objects.add(ObjectReader.read(doc, id, false));
        return this;
    }

    /** A component of the platform that renders nothing. */
    Manifests empty(String id) {
        nodes.add(id);
        return this;
    }

    Inventory inventory() {
        return Inventory.of(objects, destinations);
    }

    DependencyAnalysis.Result analyze(DeclaredEdge... declared) {
        return DependencyAnalysis.analyze(nodes, inventory(), List.of(declared));
    }

    /** The edge {@code component -> dependsOn}, failing when there is none. */
    static Dependency edge(DependencyAnalysis.Result result, String component, String dependsOn) {
        return result.graph().dependenciesOf(component).stream()
                .filter(d -> d.dependsOn().equals(dependsOn))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + component + " -> " + dependsOn + " in "
                        + result.graph().edges()));
    }

    static boolean hasEdge(DependencyAnalysis.Result result, String component, String dependsOn) {
        return result.graph().dependenciesOf(component).stream()
                .anyMatch(d -> d.dependsOn().equals(dependsOn));
    }
}
