package dev.kfboot.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kfboot.model.Json;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Argo CD's own CRD schemas (v1alpha1 openAPIV3Schema of Application, ApplicationSet, AppProject), made strict
 * the way the API server's field validation is: an object that lists its properties accepts no other
 * (unless it says x-kubernetes-preserve-unknown-fields), so a misspelt field fails here instead of being
 * pruned silently in the cluster.
 */
final class ArgoSchemas {

    private final Map<String, Schema> byKind = new HashMap<>();

    ArgoSchemas(Path crdDir) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        for (String file : List.of("application-crd.yaml", "applicationset-crd.yaml", "appproject-crd.yaml")) {
            for (Map<String, Object> crd : RenderedYaml.parse(Files.readString(crdDir.resolve(file)))) {
                JsonNode spec = Json.mapper().valueToTree(crd).path("spec");
                String kind = spec.path("names").path("kind").asText();
                for (JsonNode v : spec.path("versions")) {
                    if (!v.path("name").asText().equals("v1alpha1")) continue;
                    JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                    strict(schema);
                    byKind.put(kind, registry.getSchema(schema));
                }
            }
        }
    }

    /** Problems of one object ("" path is the root), empty when it validates. */
    List<String> problems(Map<String, Object> object) {
        JsonNode node = Json.mapper().valueToTree(object);
        Schema schema = byKind.get(node.path("kind").asText());
        if (schema == null)
            return List.of("no Argo CD schema for kind " + node.path("kind").asText());
        List<String> out = new ArrayList<>();
        schema.validate(node).forEach(e -> out.add(e.toString()));
        return out;
    }

    boolean knows(String kind) {
        return byKind.containsKey(kind);
    }

    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode o)) return;
        if (o.has("properties")
                && !o.has("additionalProperties")
                && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            o.put("additionalProperties", false);
        }
        for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
            JsonNode child = it.next();
            if (child.isArray()) child.forEach(ArgoSchemas::strict);
            else strict(child);
        }
    }
}
