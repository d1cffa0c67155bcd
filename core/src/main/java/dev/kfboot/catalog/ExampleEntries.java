package dev.kfboot.catalog;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a tree's {@code example/kustomization.yaml} (upstream's one-shot install) installs: its {@code resources}
 * as paths relative to the tree, each with its line and the comment upstream wrote for it, and the kustomize
 * {@code components} it applies to the whole example. Entries that leave the tree, remote URLs and plain files
 * are skipped and said so.
 *
 * @param file       the example kustomization, as shown to the user
 * @param entries    directory entries, in file order
 * @param components kustomize Components applied to everything, relative to the tree
 * @param skipped    entries not taken, each with why
 */
public record ExampleEntries(String file, List<Entry> entries, List<String> components, List<String> skipped) {

    /** One resource of the example: a directory relative to the tree. */
    public record Entry(String path, int line, String comment) {}

    private static final long LIMIT = 1L << 20;

    public static ExampleEntries read(Path tree) {
        Path example = tree.resolve("example").resolve("kustomization.yaml");
        String shown = example.toString();
        if (!Files.isRegularFile(example)) {
            throw new InputException(
                    Location.of(shown),
                    "not found: kfboot derives an unknown release's components from it",
                    "pass the top of a kubeflow/manifests (kubeflow/community-distribution) "
                            + "checkout, or name a known release in the spec (kfboot catalog list)");
        }
        String text;
        try {
            if (Files.size(example) > LIMIT) {
                throw new InputException(
                        Location.of(shown), "larger than 1 MB", "check that this is upstream's example");
            }
            text = Files.readString(example, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(Location.of(shown), "cannot be read: " + e.getMessage(), "check its permissions");
        }
        Map<String, Object> doc;
        try {
            List<Map<String, Object>> docs = RenderedYaml.parse(text);
            doc = docs.isEmpty() ? Map.of() : docs.get(0);
        } catch (RuntimeException e) {
            throw new InputException(Location.of(shown), "is not valid YAML: " + e.getMessage(), "check the file");
        }
        String[] lines = text.split("\n", -1);
        Path root = tree.toAbsolutePath().normalize();
        List<Entry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Object o : list(doc.get("resources"))) {
            if (!(o instanceof String s)) continue;
            String written = s.strip();
            int line = lineOf(lines, written);
            String rel = relative(root, written);
            if (rel == null) {
                skipped.add(written + " (" + (written.contains("://") ? "a remote URL" : "outside the tree") + ")");
                continue;
            }
            if (!Files.isDirectory(root.resolve(rel))) {
                skipped.add(written
                        + (Files.exists(root.resolve(rel)) ? " (a file, not a kustomization)" : " (does not exist)"));
                continue;
            }
            entries.add(new Entry(rel, line, comment(lines, line)));
        }
        List<String> components = new ArrayList<>();
        for (Object o : list(doc.get("components"))) {
            if (!(o instanceof String s)) continue;
            String rel = relative(root, s.strip());
            if (rel == null || !Files.isDirectory(root.resolve(rel)))
                skipped.add(s.strip() + " (component outside the tree or missing)");
            else components.add(rel);
        }
        if (entries.isEmpty()) {
            throw new InputException(
                    Location.of(shown),
                    "lists no resource directory inside the tree",
                    "check that this is upstream's example/kustomization.yaml");
        }
        return new ExampleEntries(shown, List.copyOf(entries), List.copyOf(components), List.copyOf(skipped));
    }

    /** {@code ../common/x/} written in example/ as {@code common/x}; null for URLs and paths leaving the tree. */
    private static String relative(Path root, String written) {
        if (written.isEmpty()
                || written.contains("://")
                || written.startsWith("/")
                || written.contains("\\")
                || written.startsWith("github.com/")) {
            return null;
        }
        Path p = root.resolve("example").resolve(written).normalize();
        if (!p.startsWith(root) || p.equals(root)) return null;
        String rel = root.relativize(p).toString();
        return rel.isEmpty() ? null : rel;
    }

    private static int lineOf(String[] lines, String written) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("- ")
                    && l.substring(2).split("\\s+#", 2)[0].strip().equals(written)) return i + 1;
        }
        return 0;
    }

    /** The comment upstream wrote for an entry: at the end of its line, else the comment line right above it. */
    private static String comment(String[] lines, int line) {
        if (line <= 0) return "";
        String own = lines[line - 1];
        int hash = own.indexOf(" #");
        if (hash >= 0) return own.substring(hash + 2).strip();
        String above = line >= 2 ? lines[line - 2].strip() : "";
        if (above.startsWith("#") && !above.startsWith("# -") && !above.startsWith("# NOTE") && above.length() > 2) {
            return above.substring(1).strip();
        }
        return "";
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
