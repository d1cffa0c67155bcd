package dev.kfboot.yaml;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses a multi-document stream that a tool wrote (kustomize output) into plain maps, fast, without marks. */
public final class RenderedYaml {

    private RenderedYaml() {}

    /**
     * @throws IllegalArgumentException when the stream is not YAML or a document is not a mapping; the
     *     caller turns it into a finding for the component that produced it
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parse(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setUseMarks(false)
                .setCodePointLimit(YamlLimits.RENDERED.maxDocumentCodePoints())
                .setMaxAliasesForCollections(YamlLimits.RENDERED.maxAliases())
                .build();
        List<Map<String, Object>> docs = new ArrayList<>();
        try {
            for (Object doc : new Load(settings).loadAllFromString(text)) {
                if (doc == null) continue;
                if (!(doc instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("a document is not a mapping: " + doc.getClass().getSimpleName());
                }
                docs.add((Map<String, Object>) m);
            }
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(e.getMessage().lines().findFirst().orElse("invalid YAML"), e);
        }
        return docs;
    }
}
