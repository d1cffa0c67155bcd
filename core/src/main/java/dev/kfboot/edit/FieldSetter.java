package dev.kfboot.edit;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.FieldPath;
import dev.kfboot.yaml.YamlEditor;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Applies assignments to one manifest's text with {@link YamlEditor}: each addresses exactly one document
 * (by kind and name, or the file's only document) and one field that exists (unless {@code create}).
 */
public final class FieldSetter {

    /** The edited text and what changed. */
    public record Result(String text, List<YamlEditor.Change> changes) {

        public boolean changed() {
            return changes.stream()
                    .anyMatch(c -> c.before() == null || !c.before().equals(c.after()));
        }
    }

    private FieldSetter() {}

    public static Result apply(String text, String shownAs, List<Assignment> assignments, boolean create) {
        YamlEditor editor = YamlEditor.of(text, shownAs);
        List<YamlEditor.Change> changes = new ArrayList<>();
        for (Assignment a : assignments) {
            YamlEditor.Doc doc = target(editor, a, shownAs);
            changes.add(editor.set(doc, a.path(), a.value(), create));
        }
        return new Result(editor.result(), changes);
    }

    private static YamlEditor.Doc target(YamlEditor editor, Assignment a, String shownAs) {
        if (a.kind() == null) {
            return editor.only()
                    .orElseThrow(() -> new InputException(
                            Location.of(shownAs),
                            "the file holds " + editor.documents().size() + " documents; say which one " + a.path()
                                    + " belongs to",
                            "prefix the field with KIND/NAME:, e.g. " + example(editor) + ":" + a.path() + "=..."));
        }
        List<YamlEditor.Doc> docs = editor.select(a.kind(), a.name());
        if (docs.isEmpty()) {
            List<String> known =
                    editor.documents().stream().map(YamlEditor::describe).toList();
            throw new InputException(
                    Location.of(shownAs),
                    "no document " + a.kind() + "/" + a.name(),
                    "documents in the file: " + String.join(", ", known));
        }
        if (docs.size() > 1) {
            throw new InputException(
                    new Location(shownAs, docs.get(1).line()),
                    a.kind() + "/" + a.name() + " matches " + docs.size() + " documents",
                    "qualify the kind with its group, e.g. model.mlops.seldon.io");
        }
        return docs.get(0);
    }

    private static String example(YamlEditor editor) {
        return editor.documents().isEmpty()
                ? "Kind/name"
                : YamlEditor.describe(editor.documents().get(0));
    }

    /**
     * What a value is shown as: a Secret's data never leaves the file, not in output nor in commit messages. That is
     * the data of a Secret, of a Secret inside a {@code kind: List} ({@code items[0].stringData.password}), and
     * anything under a kustomization's {@code secretGenerator} (its literals are {@code key=value}).
     */
    public static String shown(YamlEditor.Change c, String value) {
        if (value == null) return "(new)";
        return isSecretValue(c) ? "(secret value)" : value;
    }

    static boolean isSecretValue(YamlEditor.Change c) {
        List<FieldPath.Step> steps = c.path().steps();
        if (steps.isEmpty()) return false;
        if ("secretGenerator".equals(steps.get(0).key())) return true;
        if (isSecretData("Secret".equals(c.doc().kind()) && "v1".equals(c.doc().apiVersion()), steps, 0)) return true;
        // a List's items: items[i] or items[name=x], then the item's own path (one level; a List in a List is
        // no Kubernetes object)
        if (steps.size() < 3
                || !"items".equals(steps.get(0).key())
                || !(value(c.doc().root(), "items") instanceof SequenceNode items)) {
            return false;
        }
        for (Node item : items(items, steps.get(1))) {
            boolean secret = "Secret".equals(scalar(item, "kind")) && "v1".equals(scalar(item, "apiVersion"));
            if (isSecretData(secret, steps, 2)) return true;
        }
        return false;
    }

    private static boolean isSecretData(boolean secret, List<FieldPath.Step> steps, int at) {
        return secret
                && at < steps.size()
                && List.of("data", "stringData").contains(steps.get(at).key());
    }

    private static Node value(Node map, String key) {
        if (!(map instanceof MappingNode m)) return null;
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }

    private static String scalar(Node map, String key) {
        return value(map, key) instanceof ScalarNode s ? s.getValue() : null;
    }

    /** The items a selector may mean: by index, or every item whose field or metadata field matches. */
    private static List<Node> items(SequenceNode items, FieldPath.Step selector) {
        if (selector.index() != null) {
            return selector.index() < items.getValue().size()
                    ? List.of(items.getValue().get(selector.index()))
                    : List.of();
        }
        if (selector.matchKey() == null) return List.of();
        return items.getValue().stream()
                .filter(n -> selector.matchValue().equals(scalar(n, selector.matchKey()))
                        || selector.matchValue().equals(scalar(value(n, "metadata"), selector.matchKey())))
                .toList();
    }

    /** {@code kfboot set: FILE: Kind/name path=value} on the first line, one line per change below. */
    public static String commitMessage(String file, List<YamlEditor.Change> changes) {
        StringBuilder sb = new StringBuilder("kfboot set: ").append(file).append(": ");
        YamlEditor.Change first = changes.get(0);
        sb.append(YamlEditor.describe(first.doc()))
                .append(' ')
                .append(first.path())
                .append('=')
                .append(shown(first, first.after()));
        if (changes.size() > 1) sb.append(" (+").append(changes.size() - 1).append(" more)");
        sb.append("\n\n");
        for (YamlEditor.Change c : changes) {
            sb.append("- ")
                    .append(YamlEditor.describe(c.doc()))
                    .append(' ')
                    .append(c.path())
                    .append(": ")
                    .append(shown(c, c.before()))
                    .append(" -> ")
                    .append(shown(c, c.after()))
                    .append('\n');
        }
        return sb.toString();
    }
}
