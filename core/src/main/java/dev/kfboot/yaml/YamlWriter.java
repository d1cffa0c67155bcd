package dev.kfboot.yaml;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Writes plain maps and lists as block YAML, deterministically (insertion order; callers pass sorted or
 * fixed-order maps). Strings that kubectl or Argo CD would read as something else are quoted: YAML 1.2
 * numbers, booleans and nulls, and also YAML 1.1's {@code yes}/{@code on}/{@code y}, sexagesimals and
 * {@code <<}, which YAML 1.1 parsers (kubectl's included) turn into booleans, numbers or merge keys.
 */
public final class YamlWriter {

    private static final Pattern YAML11_SURPRISES = Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
            + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
            + "|[-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+]?[0-9]+)?|<<|=|~|null|Null|NULL");

    /** Core-schema resolution, plus YAML 1.1 readings, so that such strings are never written plain. */
    private static final class CautiousSchema implements Schema {
        private final CoreSchema core = new CoreSchema();

        @Override
        public ScalarResolver getScalarResolver() {
            ScalarResolver base = core.getScalarResolver();
            return (value, implicit) -> {
                Tag t = base.resolve(value, implicit);
                if (Tag.STR.equals(t)
                        && implicit
                        && YAML11_SURPRISES.matcher(value).matches()) return Tag.BOOL;
                return t;
            };
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return core.getSchemaTagConstructors();
        }
    }

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(4096)
            .setSplitLines(false)
            .setDereferenceAliases(true)
            .setSchema(new CautiousSchema())
            .build();

    private YamlWriter() {}

    /** One document, without a {@code ---} marker. */
    public static String write(Object document) {
        return new Dump(SETTINGS).dumpToString(document);
    }

    /** A string as one YAML scalar, quoted only when a YAML 1.1 or 1.2 reader would read something else. */
    public static String scalar(String value) {
        String s = write(value);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Several documents separated by {@code ---}. */
    public static String writeAll(List<?> documents) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) sb.append("---\n");
            sb.append(write(documents.get(i)));
        }
        return sb.toString();
    }
}
