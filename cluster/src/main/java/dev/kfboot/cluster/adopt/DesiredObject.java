package dev.kfboot.cluster.adopt;

import dev.kfboot.inventory.Scope;
import dev.kfboot.model.ResourceId;
import java.util.Map;

/**
 * An object an app would own, as rendered.
 *
 * @param id    with the namespace it lands in; for a kind the tree does not define ({@link Scope#UNKNOWN}) the
 *              namespace as rendered, settled against the cluster's CRDs when compared
 * @param body  the rendered object
 * @param labels its labels (upstream's own ownership labels do not make another tool its owner)
 */
public record DesiredObject(
        ResourceId id, String apiVersion, Scope scope, Map<String, Object> body, Map<String, String> labels) {}
