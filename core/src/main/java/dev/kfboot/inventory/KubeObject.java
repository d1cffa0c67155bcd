package dev.kfboot.inventory;

import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * One rendered object and the facts kfboot reads from it.
 *
 * @param id          identity, with the namespace exactly as rendered (null when none is set)
 * @param apiVersion  as rendered
 * @param component   the component (app) that renders it
 * @param size        bytes of the object as compact JSON, what the API server and annotations limits see; {@link
 *                    #UNMEASURED} until asked when the body is kept (only CRDs' sizes are read on every run)
 * @param labels      metadata.labels
 * @param annotations the annotations kfboot reads ({@link ObjectReader#KEPT_ANNOTATIONS}); never all of them
 * @param crd         what it defines, for CustomResourceDefinitions; else null
 * @param webhooks    its webhooks, for webhook configurations; else empty
 * @param podLabels   pod template labels, for workloads that create pods; else null
 * @param secretKeys  keys under data/stringData of a Secret (never values); else empty
 * @param body        the whole object when rendered in this run; null when read from committed facts
 */
public record KubeObject(
        ResourceId id,
        String apiVersion,
        String component,
        int size,
        Map<String, String> labels,
        Map<String, String> annotations,
        Crd crd,
        List<Webhook> webhooks,
        Map<String, String> podLabels,
        List<String> secretKeys,
        Map<String, Object> body) {

    /** The size of an object whose body is kept and that nobody has asked the size of yet. */
    public static final int UNMEASURED = -1;

    public KubeObject {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        secretKeys = secretKeys == null ? List.of() : List.copyOf(secretKeys);
    }

    /** Bytes as compact JSON; measured from the body on demand (writing JSON is the costly part of reading). */
    @Override
    public int size() {
        return size != UNMEASURED || body == null ? size : ObjectReader.sizeOf(body);
    }

    public GroupKind groupKind() {
        return id.groupKind();
    }

    public boolean is(String group, String kind) {
        return id.group().equals(group) && id.kind().equals(kind);
    }

    public boolean isCrd() {
        return crd != null;
    }

    public boolean isNamespace() {
        return is("", "Namespace");
    }

    public boolean createsPods() {
        return podLabels != null;
    }

    public String annotation(String key) {
        return annotations.get(key);
    }

    /** The same object attributed to another component (for re-labelling facts). */
    public KubeObject withComponent(String newComponent) {
        return new KubeObject(
                id, apiVersion, newComponent, size, labels, annotations, crd, webhooks, podLabels, secretKeys, body);
    }

    /** The same facts without the body, as committed facts hold them. */
    public KubeObject withoutBody() {
        return body == null
                ? this
                : new KubeObject(
                        id,
                        apiVersion,
                        component,
                        size(),
                        labels,
                        annotations,
                        crd,
                        webhooks,
                        podLabels,
                        secretKeys,
                        null);
    }
}
