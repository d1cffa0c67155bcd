package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kfboot.model.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code -o yaml} wherever {@code -o json} exists: the same document, written as YAML. */
class YamlOutputTest {

    private static void sameDocument(String... args) throws Exception {
        String[] json = new String[args.length + 2];
        String[] yaml = new String[args.length + 2];
        System.arraycopy(args, 0, json, 0, args.length);
        System.arraycopy(args, 0, yaml, 0, args.length);
        json[args.length] = yaml[args.length] = "-o";
        json[args.length + 1] = "json";
        yaml[args.length + 1] = "yaml";
        CliRun j = CliRun.of(json);
        CliRun y = CliRun.of(yaml);
        assertThat(y.code()).as(y.err()).isEqualTo(j.code());
        JsonNode fromJson = Json.mapper().readTree(j.out());
        assertThat(fromJson.isObject()).as(j.out()).isTrue();
        assertThat(y.out()).doesNotStartWith("{");
        assertThat(new YAMLMapper().readTree(y.out())).isEqualTo(fromJson);
    }

    @Test
    void plan() throws Exception {
        sameDocument("plan", "-q");
    }

    @Test
    void catalogList() throws Exception {
        sameDocument("catalog", "list");
    }

    @Test
    void version() throws Exception {
        sameDocument("version");
    }

    @Test
    void everyJsonOutputOffersYaml() {
        for (Class<?> c : KfbootCommand.SUBCOMMANDS) {
            for (Class<?> inner : c.getDeclaredClasses()) {
                if (!inner.isEnum() || !inner.getSimpleName().equals("Format")) continue;
                var names = Arrays.stream(inner.getEnumConstants())
                        .map(Object::toString)
                        .toList();
                if (names.contains("json"))
                    assertThat(names).as(c.getSimpleName()).contains("yaml");
            }
        }
    }
}
