package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Go template actions a templatePatch uses, evaluated as Go's text/template and Sprig evaluate them. */
class AppSetTemplateTest {

    private final AppSetTemplate go = new AppSetTemplate(true, false);

    private static final Map<String, Object> PARAMS = Map.of(
            "automated", true,
            "none", Map.of(),
            "labels", Map.of("zone", "b", "region", "eu"),
            "syncOptions", List.of("ServerSideApply=true", "CreateNamespace=true"),
            "name", "katib");

    @Test
    void ifElseEndWithGoTruthAndTrimMarkers() {
        String t = """
                spec:
                  {{- if .automated }}
                  automated: {}
                  {{- else }}
                  manual: {}
                  {{- end }}
                  {{- if .none }}
                  never: {}
                  {{- end }}
                """;

        assertThat(go.text(t, PARAMS)).isEqualTo("spec:\n  automated: {}\n");
    }

    @Test
    void rangeOverAMapInKeyOrderWithItsVariablesAndToJson() {
        String t = """
                labels:
                {{- range $key, $value := .labels }}
                  {{ $key }}: {{ $value | quote }}
                {{- end }}
                syncOptions: {{ toJson .syncOptions }}
                name: {{ .name }}
                """;

        assertThat(go.text(t, PARAMS))
                .isEqualTo("labels:\n  region: \"eu\"\n  zone: \"b\"\nsyncOptions: "
                        + "[\"ServerSideApply=true\",\"CreateNamespace=true\"]\nname: katib\n");
    }

    @Test
    void aRangeOverNothingRunsItsElse() {
        assertThat(go.text("{{ range $v := .none }}x{{ else }}empty{{ end }}", PARAMS))
                .isEqualTo("empty");
        assertThat(go.text("{{ range $i, $v := .syncOptions }}{{ $i }}={{ $v }};{{ end }}", PARAMS))
                .isEqualTo("0=ServerSideApply=true;1=CreateNamespace=true;");
    }

    @Test
    void whatKfbootDoesNotEvaluateOrAnUnclosedBlockIsUnevaluable() {
        assertThatThrownBy(() -> go.text("{{ with .labels }}{{ .zone }}{{ end }}", PARAMS))
                .isInstanceOf(AppSetTemplate.Unevaluable.class)
                .hasMessageContaining("{{with .labels}}");
        assertThatThrownBy(() -> go.text("{{ range .syncOptions }}{{ . }}{{ end }}", PARAMS))
                .isInstanceOf(AppSetTemplate.Unevaluable.class);
        assertThatThrownBy(() -> go.text("{{ if .automated }}open", PARAMS))
                .isInstanceOf(AppSetTemplate.Unevaluable.class)
                .hasMessageContaining("without {{end}}");
        assertThatThrownBy(() -> go.text("closed{{ end }}", PARAMS)).isInstanceOf(AppSetTemplate.Unevaluable.class);
    }

    /** A hostile tree's ranges inside ranges end as unevaluable, not as a run that never ends or fills the heap. */
    @Test
    void rangesInsideRangesAreBounded() {
        Map<String, Object> many = Map.of("xs", Collections.nCopies(2_000, "x"));

        assertThatThrownBy(() -> go.text("{{ range $a := .xs }}{{ range $b := .xs }}{{ end }}{{ end }}", many))
                .isInstanceOf(AppSetTemplate.Unevaluable.class)
                .hasMessageContaining("more than " + AppSetTemplate.MAX_STEPS + " actions");
        assertThatThrownBy(
                        () -> go.text("{{ range $a := .xs }}{{ range $b := .xs }}0123456789{{ end }}{{ end }}", many))
                .isInstanceOf(AppSetTemplate.Unevaluable.class);
        assertThat(go.text("{{ range $a := .xs }}{{ $a }}{{ end }}", many)).hasSize(2_000);
    }
}
