package dev.kfboot.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.inventory.Crd;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.inventory.LabelSelector;
import dev.kfboot.inventory.Scope;
import dev.kfboot.inventory.Webhook;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Json;
import dev.kfboot.model.Location;
import dev.kfboot.model.ResourceId;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code <release>.facts.json}: one object per line, keys in a fixed order, maps sorted, so
 * the file is byte-stable and diffs well when a release changes.
 */
public final class FactsCodec {

    private static final ObjectMapper JSON = Json.mapper(); // one mapper: one cache of (de)serializers to warm up

    private FactsCodec() {}

    public static String write(ReleaseFacts facts) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"release\": ")
                .append(q(facts.release()))
                .append(", \"commit\": ")
                .append(q(facts.commit()))
                .append(", \"kustomize\": ")
                .append(q(facts.kustomizeVersion()));
        if (!facts.fingerprints().isEmpty()) {
            sb.append(",\n\"fingerprints\": {");
            boolean first = true;
            for (var f : new TreeMap<>(facts.fingerprints()).entrySet()) {
                sb.append(first ? "\n" : ",\n")
                        .append(q(f.getKey()))
                        .append(": ")
                        .append(q(f.getValue()));
                first = false;
            }
            sb.append("}");
        }
        sb.append(",\n\"components\": {");
        boolean firstComponent = true;
        for (var c : new TreeMap<>(facts.objects()).entrySet()) {
            sb.append(firstComponent ? "\n" : ",\n").append(q(c.getKey())).append(": {");
            firstComponent = false;
            boolean firstVariant = true;
            for (var v : new TreeMap<>(c.getValue()).entrySet()) {
                sb.append(firstVariant ? "\n" : ",\n").append(q(v.getKey())).append(": [");
                firstVariant = false;
                List<KubeObject> sorted = new ArrayList<>(v.getValue());
                sorted.sort((a, b) -> a.id().compareTo(b.id()));
                for (int i = 0; i < sorted.size(); i++) {
                    sb.append(i == 0 ? "\n" : ",\n").append(toJson(sorted.get(i)));
                }
                sb.append("]");
            }
            sb.append("}");
        }
        return sb.append("}}\n").toString();
    }

    public static ReleaseFacts read(InputStream in, String shownAs) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(shownAs),
                    "facts file is not valid JSON: " + e.getMessage(),
                    "regenerate it with kfboot catalog scan");
        }
        Map<String, Map<String, List<KubeObject>>> objects = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> cs = root.path("components").fields(); cs.hasNext(); ) {
            var c = cs.next();
            Map<String, List<KubeObject>> variants = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> vs = c.getValue().fields(); vs.hasNext(); ) {
                var v = vs.next();
                List<KubeObject> list = new ArrayList<>();
                for (JsonNode o : v.getValue()) list.add(fromJson(o, c.getKey()));
                variants.put(v.getKey(), List.copyOf(list));
            }
            objects.put(c.getKey(), variants);
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        root.path("fingerprints")
                .fields()
                .forEachRemaining(f -> fingerprints.put(f.getKey(), f.getValue().asText()));
        return new ReleaseFacts(
                root.path("release").asText(),
                root.path("commit").asText(),
                root.path("kustomize").asText(),
                objects,
                fingerprints);
    }

    private static String q(String s) {
        try {
            return JSON.writeValueAsString(s == null ? "" : s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toJson(KubeObject o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("apiVersion", o.apiVersion());
        n.put("kind", o.id().kind());
        if (o.id().namespace() != null) n.put("namespace", o.id().namespace());
        n.put("name", o.id().name());
        n.put("size", o.size());
        if (!o.labels().isEmpty()) n.set("labels", sortedMap(o.labels()));
        if (!o.annotations().isEmpty()) n.set("annotations", sortedMap(o.annotations()));
        if (o.crd() != null) {
            ObjectNode crd = n.putObject("crd");
            crd.put("group", o.crd().group());
            crd.put("kind", o.crd().kind());
            crd.put("plural", o.crd().plural());
            crd.put("scope", o.crd().scope() == Scope.CLUSTER ? "Cluster" : "Namespaced");
            if (o.crd().conversionWebhook()) crd.put("conversionWebhook", true);
        }
        if (!o.webhooks().isEmpty()) {
            ArrayNode hooks = n.putArray("webhooks");
            for (Webhook w : o.webhooks()) hooks.add(webhook(w));
        }
        if (o.podLabels() != null) n.set("podLabels", sortedMap(o.podLabels()));
        if (!o.secretKeys().isEmpty()) {
            ArrayNode keys = n.putArray("secretKeys");
            o.secretKeys().forEach(keys::add);
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode webhook(Webhook w) {
        ObjectNode h = JSON.createObjectNode();
        h.put("name", w.name());
        h.put("mutating", w.mutating());
        h.put("failurePolicy", w.failurePolicy());
        ArrayNode rules = h.putArray("rules");
        for (Webhook.Rule r : w.rules()) {
            ObjectNode rn = rules.addObject();
            r.apiGroups().forEach(rn.putArray("apiGroups")::add);
            r.resources().forEach(rn.putArray("resources")::add);
            r.operations().forEach(rn.putArray("operations")::add);
        }
        if (!w.namespaceSelector().isEverything()) h.set("namespaceSelector", selector(w.namespaceSelector()));
        if (!w.objectSelector().isEverything()) h.set("objectSelector", selector(w.objectSelector()));
        if (w.service() != null) h.put("service", w.service());
        if (w.hasCaBundle()) h.put("caBundle", true);
        return h;
    }

    private static ObjectNode selector(LabelSelector s) {
        ObjectNode n = JSON.createObjectNode();
        if (!s.matchLabels().isEmpty()) n.set("matchLabels", sortedMap(s.matchLabels()));
        if (!s.matchExpressions().isEmpty()) {
            ArrayNode exprs = n.putArray("matchExpressions");
            for (LabelSelector.Requirement r : s.matchExpressions()) {
                ObjectNode e = exprs.addObject();
                e.put("key", r.key());
                e.put("operator", r.operator());
                if (!r.values().isEmpty()) r.values().forEach(e.putArray("values")::add);
            }
        }
        return n;
    }

    private static ObjectNode sortedMap(Map<String, String> m) {
        ObjectNode n = JSON.createObjectNode();
        new TreeMap<>(m).forEach(n::put);
        return n;
    }

    private static KubeObject fromJson(JsonNode n, String component) {
        String apiVersion = n.path("apiVersion").asText();
        ResourceId id = new ResourceId(
                GroupKind.of(apiVersion, n.path("kind").asText()),
                n.hasNonNull("namespace") ? n.get("namespace").asText() : null,
                n.path("name").asText());
        Crd crd = null;
        if (n.has("crd")) {
            JsonNode c = n.get("crd");
            crd = new Crd(
                    c.path("group").asText(),
                    c.path("kind").asText(),
                    c.path("plural").asText(),
                    Scope.ofCrdScope(c.path("scope").asText()),
                    c.path("conversionWebhook").asBoolean(false));
        }
        List<Webhook> hooks = new ArrayList<>();
        for (JsonNode h : n.path("webhooks")) {
            List<Webhook.Rule> rules = new ArrayList<>();
            for (JsonNode r : h.path("rules")) {
                rules.add(new Webhook.Rule(
                        strings(r.path("apiGroups")), strings(r.path("resources")), strings(r.path("operations"))));
            }
            hooks.add(new Webhook(
                    h.path("name").asText(),
                    h.path("mutating").asBoolean(),
                    h.path("failurePolicy").asText("Fail"),
                    rules,
                    selector(h.get("namespaceSelector")),
                    selector(h.get("objectSelector")),
                    h.hasNonNull("service") ? h.get("service").asText() : null,
                    h.path("caBundle").asBoolean(false)));
        }
        return new KubeObject(
                id,
                apiVersion,
                component,
                n.path("size").asInt(),
                map(n.get("labels")),
                map(n.get("annotations")),
                crd,
                hooks,
                n.has("podLabels") ? map(n.get("podLabels")) : null,
                strings(n.path("secretKeys")),
                null);
    }

    private static LabelSelector selector(JsonNode n) {
        if (n == null) return LabelSelector.EVERYTHING;
        List<LabelSelector.Requirement> reqs = new ArrayList<>();
        for (JsonNode e : n.path("matchExpressions")) {
            reqs.add(new LabelSelector.Requirement(
                    e.path("key").asText(), e.path("operator").asText(), strings(e.path("values"))));
        }
        return new LabelSelector(map(n.get("matchLabels")), reqs);
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null)
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
