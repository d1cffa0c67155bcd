package dev.kfboot.cluster.argocd;

import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One entry of an Application's {@code status.history}: a deployment Argo CD made, which a rollback can return to. */
public record HistoryEntry(
        long id,
        String revision,
        String deployedAt,
        String deployStartedAt,
        Map<String, Object> source,
        String initiatedBy) {

    public static List<HistoryEntry> of(GenericKubernetesResource app) {
        List<HistoryEntry> out = new ArrayList<>();
        for (Map<String, Object> h : Fields.maps(app.getAdditionalProperties(), "status", "history")) {
            String by = Fields.bool(h, "initiatedBy", "automated")
                    ? "automated sync"
                    : Fields.stringOr(h, "", "initiatedBy", "username");
            out.add(new HistoryEntry(
                    Fields.number(h, -1, "id"),
                    Fields.stringOr(h, "", "revision"),
                    Fields.stringOr(h, "", "deployedAt"),
                    Fields.stringOr(h, "", "deployStartedAt"),
                    Fields.map(h, "source"),
                    by));
        }
        return out;
    }

    /** "path@targetRevision" of the source, or the chart. */
    public String sourceLabel() {
        String path = Fields.string(source, "path");
        if (path == null) path = Fields.stringOr(source, "", "chart");
        String rev = Fields.string(source, "targetRevision");
        return rev == null ? path : path + "@" + rev;
    }
}
