package dev.kfboot.validate;

import dev.kfboot.argocd.Application;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Application of a tree, as written: the typed record, the YAML it was read from (for the lines of its
 * fields), and where it came from. Applications that an ApplicationSet generates carry the set's name.
 *
 * @param id     unique within the tree: the Application's name, suffixed {@code #2}, ... when names repeat
 * @param doc    the Application's YAML (an ApplicationSet's template with the generator's values filled in)
 * @param file   absolute path of the file it was read from
 * @param appSet the generating ApplicationSet's name, or null for a plain Application
 */
public record TreeApp(String id, Application app, YMap doc, Path file, String appSet) {

    public String name() {
        return app.name();
    }

    public Location location() {
        return app.location();
    }

    /** The location of a nested key ({@code at("spec", "source", "repoURL")}), or of the closest parent present. */
    public Location at(String... keys) {
        return Lines.of(doc, app.location().file(), keys);
    }

    /** A scalar at a key path, or empty. */
    public Optional<String> scalar(String... keys) {
        return node(keys)
                .filter(n -> n instanceof YScalar s && s.type() != YScalar.Type.NULL)
                .map(n -> ((YScalar) n).value());
    }

    /** {@code spec.syncPolicy.managedNamespaceMetadata.labels}: labels Argo CD puts on a namespace it creates. */
    public Map<String, String> managedNamespaceLabels() {
        Map<String, String> out = new LinkedHashMap<>();
        node("spec", "syncPolicy", "managedNamespaceMetadata", "labels").ifPresent(n -> {
            if (n instanceof YMap m)
                m.entries().forEach((k, e) -> {
                    if (e.value() instanceof YScalar s) out.put(k, s.value());
                });
        });
        return out;
    }

    /** The YAML of source {@code index}: {@code spec.source}, or the entry of {@code spec.sources}. */
    public Optional<YMap> sourceNode(int index) {
        Optional<YNode> sources = node("spec", "sources");
        Optional<YNode> n = sources.isPresent()
                ? sources.filter(s -> s instanceof YSeq q && q.items().size() > index)
                        .map(s -> ((YSeq) s).items().get(index))
                : index == 0 ? node("spec", "source") : Optional.empty();
        return n.filter(x -> x instanceof YMap).map(x -> (YMap) x);
    }

    /** The line of a key of source {@code index}, or of the source, or of the Application. */
    public Location sourceAt(int index, String key) {
        return sourceNode(index)
                .map(n -> new Location(app.location().file(), n.lineOf(key)))
                .orElse(app.location());
    }

    /** Whether source {@code index} reads a plain directory recursively ({@code directory.recurse: true}). */
    public boolean recurses(int index) {
        return sourceNode(index)
                .flatMap(s -> child(s, "directory"))
                .flatMap(d -> child(d, "recurse"))
                .map(r -> r instanceof YScalar s && s.value().equals("true"))
                .orElse(false);
    }

    /**
     * How Argo CD reads source {@code index} as a plain directory: {@code directory.recurse}, {@code include},
     * {@code exclude}.
     */
    public ArgoDirectory.Options directoryOptions(int index) {
        Optional<YNode> dir = sourceNode(index).flatMap(s -> child(s, "directory"));
        return new ArgoDirectory.Options(
                recurses(index),
                dir.flatMap(d -> text(d, "include")).orElse(null),
                dir.flatMap(d -> text(d, "exclude")).orElse(null));
    }

    private static Optional<String> text(YNode node, String key) {
        return child(node, key)
                .filter(n -> n instanceof YScalar s && s.type() != YScalar.Type.NULL)
                .map(n -> ((YScalar) n).value());
    }

    private Optional<YNode> node(String... keys) {
        YNode node = doc;
        for (String k : keys) {
            Optional<YNode> next = child(node, k);
            if (next.isEmpty()) return Optional.empty();
            node = next.get();
        }
        return Optional.of(node);
    }

    private static Optional<YNode> child(YNode node, String key) {
        return node instanceof YMap m ? m.get(key) : Optional.empty();
    }
}
