package dev.kfboot.cluster.argocd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The informer's cache of Applications keeps only what status, watch and deploy read: metadata without
 * managedFields, spec, the requested operation, and the status summary (sync, health, operation state without
 * its per-resource results, conditions). {@code status.resources} and {@code status.history} are what make an
 * Application large (one entry per object, per deployment); commands that need them read the app directly.
 * This keeps a thousand apps in a few megabytes.
 */
final class SlimItemStore extends BasicItemStore<GenericKubernetesResource> {

    SlimItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource obj) {
        return super.put(key, slim(obj));
    }

    static GenericKubernetesResource slim(GenericKubernetesResource full) {
        ObjectMeta m = full.getMetadata();
        GenericKubernetesResource s = new GenericKubernetesResource();
        s.setApiVersion(full.getApiVersion());
        s.setKind(full.getKind());
        s.setMetadata(new ObjectMetaBuilder()
                .withName(m.getName())
                .withNamespace(m.getNamespace())
                .withUid(m.getUid())
                .withResourceVersion(m.getResourceVersion())
                .withGeneration(m.getGeneration())
                .withLabels(m.getLabels())
                .withAnnotations(m.getAnnotations())
                .withFinalizers(m.getFinalizers())
                .withDeletionTimestamp(m.getDeletionTimestamp())
                .build());
        Map<String, Object> body = full.getAdditionalProperties();
        copy(body, s, "spec");
        copy(body, s, "operation");
        if (body.get("status") instanceof Map<?, ?> status) {
            Map<String, Object> slimStatus = new LinkedHashMap<>();
            for (String k : new String[] {"sync", "health", "conditions", "reconciledAt", "sourceType"}) {
                if (status.get(k) != null) slimStatus.put(k, status.get(k));
            }
            if (status.get("operationState") instanceof Map<?, ?> op) {
                Map<String, Object> slimOp = new LinkedHashMap<>();
                op.forEach((k, v) -> {
                    if (!"syncResult".equals(k)) slimOp.put((String) k, v);
                });
                if (op.get("syncResult") instanceof Map<?, ?> result && result.get("revision") != null) {
                    slimOp.put("syncResult", Map.of("revision", result.get("revision")));
                }
                slimStatus.put("operationState", slimOp);
            }
            s.setAdditionalProperty("status", slimStatus);
        }
        return s;
    }

    private static void copy(Map<String, Object> from, GenericKubernetesResource to, String key) {
        if (from.get(key) != null) to.setAdditionalProperty(key, from.get(key));
    }
}
