package dev.kfboot.cluster.adopt;

import dev.kfboot.argocd.IgnoreDifference;
import java.util.List;

/**
 * One app of the tree with the objects it would own.
 *
 * @param name        the Application's name
 * @param destination its destination namespace, where namespaced objects without one land
 * @param notCompared why its objects are not known (a Helm source, another cluster); null when they are
 * @param ignores     its own {@code spec.ignoreDifferences}
 */
public record DesiredApp(
        String name,
        String destination,
        String notCompared,
        List<DesiredObject> objects,
        List<IgnoreDifference> ignores) {

    public DesiredApp {
        objects = List.copyOf(objects);
        ignores = List.copyOf(ignores);
    }
}
