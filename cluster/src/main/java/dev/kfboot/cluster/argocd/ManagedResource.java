package dev.kfboot.cluster.argocd;

import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One object an Application manages, from its {@code status.resources}: identity, API version and whether it
 * matches the desired state. (Argo CD 3 no longer stores per-resource health there; kfboot judges it itself.)
 */
public record ManagedResource(ResourceId id, String version, String syncStatus) {

    public static List<ManagedResource> of(GenericKubernetesResource app) {
        List<ManagedResource> out = new ArrayList<>();
        for (Map<String, Object> r : Fields.maps(app.getAdditionalProperties(), "status", "resources")) {
            out.add(new ManagedResource(
                    ResourceId.of(
                            Fields.stringOr(r, "", "group"),
                            Fields.string(r, "kind"),
                            Fields.string(r, "namespace"),
                            Fields.string(r, "name")),
                    Fields.stringOr(r, "v1", "version"),
                    Fields.stringOr(r, "", "status")));
        }
        return out;
    }

    public GroupKind groupKind() {
        return id.groupKind();
    }

    public String apiVersion() {
        return id.group().isEmpty() ? version : id.group() + "/" + version;
    }

    public boolean is(String group, String kind) {
        return id.group().equals(group) && id.kind().equals(kind);
    }
}
