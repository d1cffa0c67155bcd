package dev.kfboot.spec;

import dev.kfboot.model.Location;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code spec.environments} entry (staging, production, ...): the tree's revision it deploys from, the
 * cluster it deploys to, and kustomize patches for single apps. {@code kfboot generate} writes an overlay of
 * the child Applications for it.
 *
 * @param revision    null: the tree's own revision
 * @param destination null: the platform's destination
 */
public record Environment(
        String name, String revision, ClusterRef destination, List<Patch> patches, Location location) {

    /**
     * A kustomize patch of one app's manifests in this environment (Argo CD's
     * {@code source.kustomize.patches}).
     *
     * @param target kustomize target selector fields (group, version, kind, name, namespace, labelSelector)
     * @param patch  a strategic merge or JSON 6902 patch, as text
     */
    public record Patch(String app, Map<String, String> target, String patch, Location location) {
        public Patch {
            // sorted: Map.copyOf's order changes from one JVM to the next, and the tree must not
            target = Collections.unmodifiableSortedMap(new TreeMap<>(target));
        }
    }

    public Environment {
        patches = List.copyOf(patches);
    }
}
