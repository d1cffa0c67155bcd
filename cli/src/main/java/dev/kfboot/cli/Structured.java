package dev.kfboot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kfboot.model.Json;

/**
 * The machine outputs: a record written as JSON or as YAML by Jackson, so {@code -o json} and {@code -o yaml} always
 * carry the same fields.
 */
public final class Structured {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            // a long message stays on one line, as kubectl prints it: easy to grep, and the same bytes whatever
            // the length of the paths in it
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private Structured() {}

    /**
     * {@code value} as pretty JSON, or as YAML when {@code yaml}. A record, not a tree built by hand: its components
     * are the fields, in order; one mapper turns it into the tree both formats print.
     */
    public static String write(Record value, boolean yaml) {
        JsonNode tree = Json.mapper().valueToTree(value);
        if (!yaml) return Json.pretty(tree);
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
