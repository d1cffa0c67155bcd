package dev.kfboot.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.InputException;
import dev.kfboot.spec.PlatformReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edits to valid YAML (a character inserted, deleted or replaced, a line duplicated, a tab put in, a
 * document cut short): the readers either accept the text or report an {@link InputException} with a
 * location; they never throw anything else.
 */
class YamlFuzzProperties {

    static final String SPEC = """
            apiVersion: kfboot.dev/v1alpha1
            kind: Platform
            metadata:
              name: kubeflow
            spec:
              release: "26.03"
              repo:
                url: https://github.com/acme/manifests.git
                revision: main
              components:
                - name: pipelines
                  variant: k8s-native
                - name: model-registry
                  enabled: true
                - name: kserve
                  dependsOn: [knative-serving]
                  wave: 4
            """;

    record Edit(int position, int kind, char c) {
        String apply(String text) {
            if (text.isEmpty()) return kind == 0 || kind == 2 ? String.valueOf(c) : text;
            int p = Math.floorMod(position, text.length());
            return switch (kind) {
                case 0 -> text.substring(0, p) + c + text.substring(p);
                case 1 -> text.substring(0, p) + text.substring(Math.min(text.length(), p + 1));
                case 2 -> text.substring(0, p) + c + text.substring(Math.min(text.length(), p + 1));
                case 3 -> text.substring(0, p);
                case 4 -> text.substring(0, p) + "\t" + text.substring(p);
                default -> {
                    int start = text.lastIndexOf('\n', Math.max(0, p - 1)) + 1;
                    int end = text.indexOf('\n', p);
                    String line = text.substring(start, end < 0 ? text.length() : end + 1);
                    yield text.substring(0, start) + line + text.substring(start);
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Character> chars = Arbitraries.of(
                ':', '-', ' ', '"', '\'', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', '\n', 'a',
                '0', '?', ',', '\u00e9', '\u0000');
        return Combinators.combine(
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 5),
                        chars)
                .as(Edit::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    @Property(tries = 1000)
    void specReaderAcceptsOrReportsWithALocation(@ForAll("edits") List<Edit> edits) {
        String text = SPEC;
        for (Edit e : edits) text = e.apply(text);
        try {
            PlatformReader.parse(text, "platform.yaml");
        } catch (InputException e) {
            assertThat(e.location().file()).isEqualTo("platform.yaml");
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void editorAcceptsOrReportsWithALocation(@ForAll("edits") List<Edit> edits) {
        String text = SPEC;
        for (Edit e : edits) text = e.apply(text);
        try {
            YamlEditor editor = YamlEditor.of(text, "x.yaml");
            editor.documents();
        } catch (InputException e) {
            assertThat(e.location().file()).isEqualTo("x.yaml");
        }
    }
}
