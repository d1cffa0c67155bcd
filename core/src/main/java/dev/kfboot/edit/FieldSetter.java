package dev.kfboot.edit;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YamlEditor;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies assignments to one manifest's text with {@link YamlEditor}: each addresses exactly one document
 * (by kind and name, or the file's only document) and one field that exists (unless {@code create}).
 */
public final class FieldSetter {

    /** The edited text and what changed. */
    public record Result(String text, List<YamlEditor.Change> changes) {

        public boolean changed() {
            return changes.stream().anyMatch(c -> c.before() == null || !c.before().equals(c.after()));
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
            return editor.only().orElseThrow(() -> new InputException(Location.of(shownAs),
                    "the file holds " + editor.documents().size() + " documents; say which one " + a.path() + " belongs to",
                    "prefix the field with KIND/NAME:, e.g. " + example(editor) + ":" + a.path() + "=..."));
        }
        List<YamlEditor.Doc> docs = editor.select(a.kind(), a.name());
        if (docs.isEmpty()) {
            List<String> known = editor.documents().stream().map(YamlEditor::describe).toList();
            throw new InputException(Location.of(shownAs), "no document " + a.kind() + "/" + a.name(),
                    "documents in the file: " + String.join(", ", known));
        }
        if (docs.size() > 1) {
            throw new InputException(new Location(shownAs, docs.get(1).line()), a.kind() + "/" + a.name()
                    + " matches " + docs.size() + " documents", "qualify the kind with its group, e.g. model.mlops.seldon.io");
        }
        return docs.get(0);
    }

    private static String example(YamlEditor editor) {
        return editor.documents().isEmpty() ? "Kind/name" : YamlEditor.describe(editor.documents().get(0));
    }

    /** What a value is shown as: a Secret's data never leaves the file, not in output nor in commit messages. */
    public static String shown(YamlEditor.Change c, String value) {
        if (value == null) return "(new)";
        boolean secret = "Secret".equals(c.doc().kind()) && c.doc().apiVersion() != null && c.doc().apiVersion().equals("v1")
                && !c.path().steps().isEmpty() && List.of("data", "stringData").contains(c.path().steps().get(0).key());
        return secret ? "(secret value)" : value;
    }

    /** {@code kfboot set: FILE: Kind/name path=value} on the first line, one line per change below. */
    public static String commitMessage(String file, List<YamlEditor.Change> changes) {
        StringBuilder sb = new StringBuilder("kfboot set: ").append(file).append(": ");
        YamlEditor.Change first = changes.get(0);
        sb.append(YamlEditor.describe(first.doc())).append(' ').append(first.path()).append('=').append(shown(first, first.after()));
        if (changes.size() > 1) sb.append(" (+").append(changes.size() - 1).append(" more)");
        sb.append("\n\n");
        for (YamlEditor.Change c : changes) {
            sb.append("- ").append(YamlEditor.describe(c.doc())).append(' ').append(c.path()).append(": ")
                    .append(shown(c, c.before())).append(" -> ").append(shown(c, c.after())).append('\n');
        }
        return sb.toString();
    }
}
