package dev.kfboot.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kfboot.model.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapReaderTest {

    private static final List<String> FIELDS = List.of("name", "enabled", "revision", "wave", "dependsOn");

    private static MapReader read(String yaml) {
        YNode doc = YamlReader.forUserFiles().parseAll(yaml, "p.yaml").get(0);
        return MapReader.of(doc, "p.yaml", "spec.components[0]", FIELDS);
    }

    @Test
    void readsTypedFields() {
        MapReader r = read("""
                name: katib
                enabled: false
                revision: "1.10"
                wave: 3
                dependsOn: [a, b]
                """);

        assertThat(r.string("name")).contains("katib");
        assertThat(r.bool("enabled")).contains(false);
        assertThat(r.string("revision")).contains("1.10");
        assertThat(r.integer("wave")).contains(3);
        assertThat(r.strings("dependsOn")).containsExactly("a", "b");
        assertThat(r.at("wave").line()).isEqualTo(4);
        assertThat(r.child("wave")).isEqualTo("spec.components[0].wave");
    }

    @Test
    void absentAndNullFieldsAreEmpty() {
        MapReader r = read("""
                name: katib
                enabled:
                """);

        assertThat(r.bool("enabled")).isEmpty();
        assertThat(r.string("revision")).isEmpty();
        assertThat(r.strings("dependsOn")).isEmpty();
    }

    @Test
    void unknownFieldNamesTheFieldItsLineAndTheKnownFields() {
        InputException e = catchThrowableOfType(InputException.class, () -> read("""
                name: katib
                enabeld: true
                """));

        assertThat(e.getMessage()).isEqualTo("unknown field 'enabeld' in spec.components[0]");
        assertThat(e.location().file()).isEqualTo("p.yaml");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.hint()).isEqualTo("known fields: dependsOn, enabled, name, revision, wave");
    }

    @Test
    void yesIsNotABoolean() {
        MapReader r = read("""
                name: katib
                enabled: yes
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> r.bool("enabled"));

        assertThat(e.getMessage())
                .isEqualTo("spec.components[0].enabled must be true or false, found the string 'yes'");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.hint()).contains("true or false");
    }

    @Test
    void unquotedVersionNumberIsRefusedAsStringWithAQuoteItHint() {
        MapReader r = read("""
                name: katib
                revision: 1.10
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> r.string("revision"));

        assertThat(e.getMessage()).isEqualTo("spec.components[0].revision must be a string, found the float 1.10");
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.hint()).isEqualTo("quote it: revision: \"1.10\"");
    }

    @Test
    void singleStringWhereAListIsExpectedIsRefused() {
        MapReader r = read("""
                name: katib
                dependsOn: pipelines
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> r.strings("dependsOn"));

        assertThat(e.getMessage()).contains("must be a list").contains("the string 'pipelines'");
        assertThat(e.location().line()).isEqualTo(2);
    }

    @Test
    void wholeNumberFieldRefusesAString() {
        MapReader r = read("""
                wave: "3"
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> r.integer("wave"));

        assertThat(e.getMessage()).contains("must be a whole number");
    }

    @Test
    void mergeKeyGetsTheMergeKeyHint() {
        YNode doc = YamlReader.forUserFiles().parseAll("""
                defaults: &defaults
                  enabled: true
                component:
                  <<: *defaults
                  name: katib
                """, "merge.yaml").get(0);
        MapReader top = MapReader.of(doc, "merge.yaml", "", List.of("defaults", "component"));

        InputException e = catchThrowableOfType(InputException.class, () -> top.map("component", FIELDS));

        assertThat(e.getMessage()).isEqualTo("unknown field '<<' in component");
        assertThat(e.location().line()).isEqualTo(4);
        assertThat(e.hint()).contains("merge keys (<<) are not supported");
    }

    @Test
    void aListWhereAMappingIsExpectedIsRefused() {
        YNode doc =
                YamlReader.forUserFiles().parseAll("- a\n- b\n", "list.yaml").get(0);

        InputException e = catchThrowableOfType(InputException.class, () -> MapReader.of(doc, "list.yaml", "", FIELDS));

        assertThat(e.getMessage()).isEqualTo("the document must be a mapping, found a list");
    }

    @Test
    void missingRequiredStringPointsAtTheMapping() {
        MapReader r = read("""
                enabled: true
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> r.requiredString("name", "name it"));

        assertThat(e.getMessage()).isEqualTo("missing required field 'spec.components[0].name'");
        assertThat(e.hint()).isEqualTo("name it");
        assertThat(e.location().line()).isEqualTo(1);
    }
}
