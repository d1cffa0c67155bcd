package dev.kfboot.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Json;
import dev.kfboot.model.ResourceId;
import dev.kfboot.render.RemoteOrigins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns one rendered object (a plain map) into a {@link KubeObject}, reading only what the analysis needs. */
public final class ObjectReader {

    /** The annotations kfboot reads; everything else is left in the body. */
    public static final Set<String> KEPT_ANNOTATIONS = Set.of(
            "cert-manager.io/inject-ca-from",
            "cert-manager.io/inject-ca-from-secret",
            "cert-manager.io/inject-apiserver-ca",
            "argocd.argoproj.io/sync-wave",
            "argocd.argoproj.io/sync-options",
            "argocd.argoproj.io/compare-options",
            "sidecar.istio.io/inject",
            "helm.sh/resource-policy",
            RemoteOrigins.ANNOTATION,
            "kfboot.dev/ignore", // validate's per-object suppressions
            "kfboot.dev/ignore-reason");

    private static final Set<String> POD_TEMPLATE_KINDS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController");

    private static final ObjectMapper JSON = Json.mapper(); // one mapper: one cache of (de)serializers to warm up

    private ObjectReader() {}

    /**
     * @throws IllegalArgumentException when the map is not a Kubernetes object (no apiVersion, kind or name)
     */
    public static KubeObject read(Map<String, Object> doc, String component, boolean keepBody) {
        String apiVersion = str(doc.get("apiVersion"));
        String kind = str(doc.get("kind"));
        Map<String, Object> meta = Fields.map(doc.get("metadata"));
        String name = str(meta.get("name"));
        if (apiVersion == null || kind == null || name == null) {
            throw new IllegalArgumentException("not a Kubernetes object (needs apiVersion, kind and metadata.name)");
        }
        String group = GroupKind.groupOf(apiVersion);
        ResourceId id = ResourceId.of(group, kind, str(meta.get("namespace")), name);
        Map<String, String> annotations = new LinkedHashMap<>();
        Fields.map(meta.get("annotations")).forEach((k, v) -> {
            if (KEPT_ANNOTATIONS.contains(k) && v != null) annotations.put(k, String.valueOf(v));
        });
        // kfboot's own trace of an unpinned remote base is a fact about the object, not part of it
        if (annotations.containsKey(RemoteOrigins.ANNOTATION)) doc = RemoteOrigins.unmarked(doc);
        Crd crd = group.equals("apiextensions.k8s.io") && kind.equals("CustomResourceDefinition") ? crd(doc) : null;
        List<Webhook> webhooks = group.equals("admissionregistration.k8s.io")
                        && (kind.equals("MutatingWebhookConfiguration")
                                || kind.equals("ValidatingWebhookConfiguration"))
                ? webhooks(doc, kind.startsWith("Mutating"))
                : List.of();
        List<String> secretKeys = group.isEmpty() && kind.equals("Secret") ? secretKeys(doc) : List.of();
        // only a CRD's size is read on every run (AppNeeds: CRDs over the last-applied limit); facts record them all
        int size = crd != null || !keepBody ? sizeOf(doc) : KubeObject.UNMEASURED;
        return new KubeObject(
                id,
                apiVersion,
                component,
                size,
                Fields.stringMap(meta.get("labels")),
                annotations,
                crd,
                webhooks,
                podLabels(group, kind, doc),
                secretKeys,
                keepBody ? doc : null);
    }

    static int sizeOf(Map<String, Object> doc) {
        try {
            return JSON.writeValueAsBytes(doc).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("object cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Crd crd(Map<String, Object> doc) {
        Map<String, Object> spec = Fields.map(doc.get("spec"));
        Map<String, Object> names = Fields.map(spec.get("names"));
        Map<String, Object> conversion = Fields.map(spec.get("conversion"));
        return new Crd(
                str(spec.get("group")),
                str(names.get("kind")),
                str(names.get("plural")),
                Scope.ofCrdScope(str(spec.get("scope"))),
                "Webhook".equals(str(conversion.get("strategy"))));
    }

    private static List<Webhook> webhooks(Map<String, Object> doc, boolean mutating) {
        List<Webhook> out = new ArrayList<>();
        for (Object o : Fields.list(doc.get("webhooks"))) {
            Map<String, Object> w = Fields.map(o);
            List<Webhook.Rule> rules = new ArrayList<>();
            for (Object r : Fields.list(w.get("rules"))) {
                Map<String, Object> rule = Fields.map(r);
                rules.add(new Webhook.Rule(
                        Fields.strings(rule.get("apiGroups")),
                        Fields.strings(rule.get("resources")),
                        Fields.strings(rule.get("operations"))));
            }
            Map<String, Object> clientConfig = Fields.map(w.get("clientConfig"));
            Map<String, Object> service = Fields.map(clientConfig.get("service"));
            String svc = service.isEmpty() ? null : str(service.get("namespace")) + "/" + str(service.get("name"));
            out.add(new Webhook(
                    str(w.get("name")),
                    mutating,
                    str(w.get("failurePolicy")),
                    rules,
                    selector(w.get("namespaceSelector")),
                    selector(w.get("objectSelector")),
                    svc,
                    clientConfig.get("caBundle") != null
                            && !String.valueOf(clientConfig.get("caBundle")).isEmpty()));
        }
        return out;
    }

    /** Reads a label selector map; public because Applications and rules read selectors too. */
    public static LabelSelector selector(Object o) {
        Map<String, Object> m = Fields.map(o);
        if (m.isEmpty()) return LabelSelector.EVERYTHING;
        List<LabelSelector.Requirement> reqs = new ArrayList<>();
        for (Object e : Fields.list(m.get("matchExpressions"))) {
            Map<String, Object> expr = Fields.map(e);
            reqs.add(new LabelSelector.Requirement(
                    str(expr.get("key")), str(expr.get("operator")), Fields.strings(expr.get("values"))));
        }
        return new LabelSelector(Fields.stringMap(m.get("matchLabels")), reqs);
    }

    private static Map<String, String> podLabels(String group, String kind, Map<String, Object> doc) {
        if (group.isEmpty() && kind.equals("Pod"))
            return Fields.stringMap(Fields.map(doc.get("metadata")).get("labels"));
        if (!POD_TEMPLATE_KINDS.contains(kind) || !(group.equals("apps") || group.equals("batch") || group.isEmpty())) {
            return null;
        }
        Map<String, Object> spec = Fields.map(doc.get("spec"));
        if (kind.equals("CronJob"))
            spec = Fields.map(Fields.map(spec.get("jobTemplate")).get("spec"));
        return Fields.stringMap(
                Fields.map(Fields.map(spec.get("template")).get("metadata")).get("labels"));
    }

    private static List<String> secretKeys(Map<String, Object> doc) {
        TreeSet<String> keys = new TreeSet<>(Fields.map(doc.get("data")).keySet());
        keys.addAll(Fields.map(doc.get("stringData")).keySet());
        return List.copyOf(keys);
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
