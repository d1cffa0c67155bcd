package dev.kfboot.cluster.deploy;

import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a live Application already is what the tree says, automated sync aside (kfboot holds it off and
 * switches it on per wave). The spec must be equal; the tree's labels, annotations and finalizers must be
 * present (Argo CD and kubectl add their own). Numbers compare by value: the tree's YAML and the API server's JSON
 * type them differently.
 */
final class Desired {

    private Desired() {}

    static boolean matches(GenericKubernetesResource live, Map<String, Object> held) {
        Map<String, Object> liveSpec = Fields.map(
                HeldSync.withoutAutomated(
                        Map.of("spec", live.getAdditionalProperties().getOrDefault("spec", Map.of()))),
                "spec");
        if (!PlainValues.equal(Fields.map(held, "spec"), liveSpec)) return false;
        ObjectMeta meta = live.getMetadata();
        return contains(meta.getLabels(), Fields.map(held, "metadata", "labels"))
                && contains(meta.getAnnotations(), Fields.map(held, "metadata", "annotations"))
                && (meta.getFinalizers() == null ? List.of() : meta.getFinalizers())
                        .containsAll(Fields.list(held, "metadata", "finalizers"));
    }

    /** Whether the live automated policy is the tree's. */
    static boolean automatedMatches(GenericKubernetesResource live, Map<String, Object> automated) {
        return PlainValues.equal(
                Fields.map(live.getAdditionalProperties(), "spec", "syncPolicy", "automated"), automated);
    }

    private static boolean contains(Map<String, String> live, Map<String, Object> wanted) {
        for (var e : wanted.entrySet()) {
            if (live == null || !Objects.equals(live.get(e.getKey()), String.valueOf(e.getValue()))) return false;
        }
        return true;
    }
}
