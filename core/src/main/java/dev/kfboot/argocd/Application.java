package dev.kfboot.argocd;

import dev.kfboot.model.Location;
import java.util.List;
import java.util.Map;

/**
 * An Argo CD Application (or an ApplicationSet's template), as written in a tree.
 *
 * @param sources               {@code spec.source} or {@code spec.sources}, in order
 * @param destinationServer     null when {@code destination.name} is used instead
 * @param destinationNamespace  null when not set: namespaced objects without a namespace then fail
 * @param location              the file and line of the document
 */
public record Application(
        String name,
        String namespace,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<String> finalizers,
        String project,
        List<AppSource> sources,
        String destinationServer,
        String destinationName,
        String destinationNamespace,
        SyncPolicy syncPolicy,
        List<IgnoreDifference> ignoreDifferences,
        Location location) {

    public Application {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
        sources = sources == null ? List.of() : List.copyOf(sources);
        syncPolicy = syncPolicy == null ? SyncPolicy.MANUAL : syncPolicy;
        ignoreDifferences = ignoreDifferences == null ? List.of() : List.copyOf(ignoreDifferences);
    }

    /** The sync wave annotation, or null when absent or not a number. */
    public Integer syncWave() {
        String w = annotations.get(ArgoCd.SYNC_WAVE);
        if (w == null) return null;
        try {
            return Integer.parseInt(w.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean cascadesDeletion() {
        return finalizers.stream().anyMatch(f -> f.startsWith(ArgoCd.RESOURCES_FINALIZER));
    }
}
