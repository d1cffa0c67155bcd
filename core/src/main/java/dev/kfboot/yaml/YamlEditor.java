package dev.kfboot.yaml;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Edits scalar fields of a YAML file in place, keeping everything else (comments, quoting, indentation,
 * other documents) byte for byte: it finds the exact character range of each field with the parser's marks
 * and splices the new text in. Nothing is re-serialized.
 */
public final class YamlEditor {

    /** A document of the file: its kind, name and root node. */
    public record Doc(
            int index, String apiVersion, String kind, String name, String namespace, MappingNode root, int line) {}

    /** One change made: where, the field, the value before (null when created) and after. */
    public record Change(Doc doc, FieldPath path, String before, String after, int line) {}

    private record Splice(int start, int end, String text) {}

    private final String text;
    private final String shownAs;
    private final List<Doc> docs = new ArrayList<>();
    private final List<Splice> splices = new ArrayList<>();

    private YamlEditor(String text, String shownAs) {
        this.text = text;
        this.shownAs = shownAs;
    }

    /** Parses {@code text} strictly (the same checks as every user file) and indexes its documents. */
    public static YamlEditor of(String text, String shownAs) {
        YamlReader reader = YamlReader.forUserFiles();
        reader.parseAll(text, shownAs); // refuses bad YAML with file:line before any edit
        YamlEditor editor = new YamlEditor(text, shownAs);
        int i = 0;
        for (Node n : new Compose(reader.settings(shownAs)).composeAllFromString(text)) {
            if (n instanceof MappingNode m) {
                editor.docs.add(new Doc(
                        i,
                        scalar(m, "apiVersion"),
                        scalar(m, "kind"),
                        scalar(child(m, "metadata"), "name"),
                        scalar(child(m, "metadata"), "namespace"),
                        m,
                        line(m)));
            }
            i++;
        }
        return editor;
    }

    public List<Doc> documents() {
        return List.copyOf(docs);
    }

    /**
     * Sets {@code path} in {@code doc} to {@code value}. A missing field is an error unless {@code create},
     * which adds it (and missing parent mappings) to a block mapping.
     */
    public Change set(Doc doc, FieldPath path, String value, boolean create) {
        Node node = doc.root();
        List<FieldPath.Step> steps = path.steps();
        for (int i = 0; i < steps.size(); i++) {
            FieldPath.Step step = steps.get(i);
            Node next = step(node, step);
            if (next == null) {
                if (!create || !step.isKey() || !(node instanceof MappingNode m)) {
                    throw new InputException(
                            new Location(shownAs, line(node)),
                            "field " + prefix(steps, i + 1) + " does not exist in " + describe(doc),
                            create
                                    ? "only mapping keys can be created; list items must exist"
                                    : "check the path, or pass --create to add it");
                }
                return insert(doc, m, steps.subList(i, steps.size()), path, value);
            }
            node = next;
        }
        if (!(node instanceof ScalarNode s)) {
            throw new InputException(
                    new Location(shownAs, line(node)),
                    path + " in " + describe(doc) + " is a " + (node instanceof MappingNode ? "mapping" : "list")
                            + ", not a single value",
                    "address a field inside it");
        }
        keepsType(doc, path, s, value);
        return new Change(doc, path, s.getValue(), value, replace(s, value));
    }

    /**
     * An unquoted integer, number or boolean stays one: a value of another type is refused with the expected type
     * ({@code replicas: three} would silently turn an integer into a string). Strings and nulls take anything.
     */
    private void keepsType(Doc doc, FieldPath path, ScalarNode old, String value) {
        Tag want = old.getTag();
        if (old.getScalarStyle() != ScalarStyle.PLAIN || Tag.STR.equals(want) || Tag.NULL.equals(want)) return;
        Tag got = LoadSettings.builder().build().getSchema().getScalarResolver().resolve(value, true);
        if (got.equals(want) || Tag.FLOAT.equals(want) && Tag.INT.equals(got)) return;
        String type = Tag.INT.equals(want)
                ? "an integer"
                : Tag.FLOAT.equals(want) ? "a number" : Tag.BOOL.equals(want) ? "a boolean" : "a " + want;
        String example = Tag.INT.equals(want)
                ? "3"
                : Tag.FLOAT.equals(want) ? "0.5" : Tag.BOOL.equals(want) ? "true" : old.getValue();
        throw new InputException(
                new Location(shownAs, line(old)),
                path + " in " + describe(doc) + " is " + type + " (" + old.getValue() + "); the new value is not",
                "give " + type + ", e.g. " + path + "=" + example);
    }

    /**
     * Replaces one scalar of this editor's documents (a node reached from {@link Doc#root()}), writing the new
     * value in the old one's style when that style can hold it.
     *
     * @return the scalar's 1-based line
     */
    public int replace(ScalarNode node, String value) {
        int start = offset(node.getStartMark().orElseThrow().getIndex());
        int end = offset(node.getEndMark().orElseThrow().getIndex());
        splices.add(new Splice(start, end, render(value, node)));
        return line(node);
    }

    /** The text with every change applied. */
    public String result() {
        StringBuilder sb = new StringBuilder(text);
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::start).reversed());
        for (Splice s : ordered) sb.replace(s.start(), s.end(), s.text());
        return sb.toString();
    }

    private Change insert(Doc doc, MappingNode parent, List<FieldPath.Step> missing, FieldPath path, String value) {
        if (parent.getFlowStyle() == FlowStyle.FLOW) {
            throw new InputException(
                    new Location(shownAs, line(parent)),
                    "cannot add " + path + " to a flow mapping {...}",
                    "rewrite that mapping in block style, or edit it by hand");
        }
        for (FieldPath.Step s : missing) {
            if (!s.isKey()) {
                throw new InputException(
                        new Location(shownAs, line(parent)),
                        "cannot create list item " + s + " of " + path,
                        "only mapping keys can be created; list items must exist");
            }
        }
        int indent;
        int at;
        if (parent.getValue().isEmpty()) {
            throw new InputException(
                    new Location(shownAs, line(parent)),
                    "cannot add " + path + " to an empty mapping",
                    "add the field by hand");
        }
        NodeTuple first = parent.getValue().get(0);
        indent = first.getKeyNode().getStartMark().orElseThrow().getColumn();
        NodeTuple last = parent.getValue().get(parent.getValue().size() - 1);
        at = lineEnd(offset(last.getValueNode().getEndMark().orElseThrow().getIndex()) - 1);
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            block.append(" ".repeat(indent + 2 * i))
                    .append(missing.get(i).key())
                    .append(':');
            if (i == missing.size() - 1)
                block.append(' ').append(YamlWriter.write(value).strip());
            block.append('\n');
        }
        String insertion = block.toString();
        if (at == text.length() && !text.endsWith("\n")) insertion = "\n" + insertion.stripTrailing();
        splices.add(new Splice(at, at, insertion));
        return new Change(doc, path, null, value, lineOfOffset(at) + (at == text.length() ? 1 : 0));
    }

    /** Renders the new value in the old scalar's style when that style can hold it, else quoted. */
    private static String render(String value, ScalarNode old) {
        String quoted = YamlWriter.write(value).strip();
        boolean plainSafe = !quoted.startsWith("'") && !quoted.startsWith("\"") && !quoted.startsWith("|");
        if (old.getScalarStyle() == ScalarStyle.PLAIN) {
            boolean oldTyped = !Tag.STR.equals(old.getTag());
            if (oldTyped || plainSafe) return oldTyped && !plainSafe && !value.contains("\n") ? value : quoted;
            return quoted;
        }
        if (old.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED && !value.contains("\n")) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (old.getScalarStyle() == ScalarStyle.SINGLE_QUOTED && !value.contains("\n")) {
            return "'" + value.replace("'", "''") + "'";
        }
        return quoted;
    }

    private static Node step(Node node, FieldPath.Step step) {
        if (step.isKey()) {
            if (!(node instanceof MappingNode m)) return null;
            return child(m, step.key());
        }
        if (!(node instanceof SequenceNode seq)) return null;
        if (step.index() != null)
            return step.index() < seq.getValue().size() ? seq.getValue().get(step.index()) : null;
        for (Node item : seq.getValue()) {
            if (item instanceof MappingNode m && step.matchValue().equals(scalar(m, step.matchKey()))) return item;
        }
        return null;
    }

    /** The value under {@code key} of a mapping node, or null. */
    public static Node child(Node m, String key) {
        if (!(m instanceof MappingNode map)) return null;
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }

    /** The string value under {@code key} of a mapping node, or null when absent or not a scalar. */
    public static String scalar(Node m, String key) {
        Node n = child(m, key);
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String prefix(List<FieldPath.Step> steps, int n) {
        return new FieldPath(steps.subList(0, n)).toString();
    }

    public static String describe(Doc d) {
        return (d.kind() == null ? "document " + (d.index() + 1) : d.kind() + "/" + d.name());
    }

    private static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** Marks count code points; Java strings count UTF-16 units. */
    private int offset(int codePointIndex) {
        return text.offsetByCodePoints(0, codePointIndex);
    }

    /** Index just after the newline ending the line that holds {@code index}, or the text's end. */
    private int lineEnd(int index) {
        int nl = text.indexOf('\n', Math.max(0, index));
        return nl < 0 ? text.length() : nl + 1;
    }

    private int lineOfOffset(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /**
     * Finds the documents a selector names: KIND/NAME, where KIND may carry a group
     * (inferenceservice.serving.kserve.io).
     */
    public List<Doc> select(String kind, String name) {
        List<Doc> out = new ArrayList<>();
        for (Doc d : docs) {
            if (d.kind() == null) continue;
            String k = kind.contains(".") ? kind.substring(0, kind.indexOf('.')) : kind;
            String group = kind.contains(".") ? kind.substring(kind.indexOf('.') + 1) : null;
            boolean kindOk = d.kind().equalsIgnoreCase(k)
                    && (group == null
                            || (d.apiVersion() != null && d.apiVersion().startsWith(group + "/")));
            if (kindOk && (name == null || name.equals(d.name()))) out.add(d);
        }
        return out;
    }

    public Optional<Doc> only() {
        return docs.size() == 1 ? Optional.of(docs.get(0)) : Optional.empty();
    }
}
