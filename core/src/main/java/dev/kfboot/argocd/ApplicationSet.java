package dev.kfboot.argocd;

import dev.kfboot.model.Location;
import java.util.List;
import java.util.Map;

/**
 * An Argo CD ApplicationSet: generators, the Application template they fill in, and the rollout strategy
 * (progressive sync steps), kept as plain maps.
 */
public record ApplicationSet(
        String name,
        String namespace,
        Map<String, String> annotations,
        List<Map<String, Object>> generators,
        Application template,
        Map<String, Object> strategy,
        Location location) {

    public ApplicationSet {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        generators = generators == null ? List.of() : List.copyOf(generators);
        strategy = strategy == null ? Map.of() : strategy;
    }
}
