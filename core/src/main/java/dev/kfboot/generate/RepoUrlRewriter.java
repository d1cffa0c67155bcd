package dev.kfboot.generate;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YamlWriter;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code kfboot update-repo-url}: points a generated tree at another repository (and revision) without
 * regenerating it. Only kfboot's own objects (label {@value Names#MANAGED_BY}={@value Names#KFBOOT}) are
 * touched, and in them only the {@code repoURL} that is the tree's own (recorded in {@code .kfboot/tree.json}),
 * the {@code targetRevision} beside it when it is the tree's own revision, and the AppProjects'
 * {@code sourceRepos} entry: upstream sources stay at the release tag. Files are never re-serialized: the
 * exact character ranges of those scalars (from snakeyaml-engine's marks) are replaced in the text, so
 * comments, order, quoting and blank lines survive.
 */
public final class RepoUrlRewriter {

    /** One replaced scalar. */
    public record Change(String file, int line, String field, String from, String to) {}

    /** The rewritten texts of the files that change, and every change. */
    public record Result(String fromUrl, String fromRevision, Map<String, String> before, Map<String, String> after,
                         List<Change> changes) {

        public String diff() {
            StringBuilder sb = new StringBuilder();
            after.forEach((f, text) -> sb.append(UnifiedDiff.of(f, before.get(f), text)));
            return sb.toString();
        }
    }

    private record Edit(int start, int end, String text, Change change) {}

    private RepoUrlRewriter() {}

    /** @param revision null keeps every revision */
    public static Result plan(Path dir, String url, String revision) {
        TreeManifest manifest = TreeManifest.read(dir).orElseThrow(() -> new InputException(Location.of(dir.toString()),
                "not a tree kfboot generated (no " + TreeLayout.MANIFEST + ")",
                "run it on the directory kfboot generate wrote; hand-written trees have no kfboot objects to rewrite"));
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            String rel = RepoPaths.clean(dir.relativize(file).toString());
            String text = TreeWriter.read(file).orElse("");
            List<Edit> edits = edits(text, rel, manifest, url, revision);
            if (edits.isEmpty()) continue;
            before.put(rel, text);
            after.put(rel, splice(text, edits));
            edits.forEach(e -> changes.add(e.change()));
        }
        if (Files.isRegularFile(dir.resolve(TreeLayout.README))) {
            String readme = TreeWriter.read(dir.resolve(TreeLayout.README)).orElse("");
            String next = readme.replace(" from " + manifest.repoURL() + " at " + manifest.revision() + ".",
                    " from " + url + " at " + (revision != null ? revision : manifest.revision()) + ".");
            if (!next.equals(readme)) {
                before.put(TreeLayout.README, readme);
                after.put(TreeLayout.README, next);
            }
        }
        return new Result(manifest.repoURL(), manifest.revision(), before, after, changes);
    }

    /** Writes each changed file through a temporary sibling and a rename, then the manifest. */
    public static void apply(Path dir, Result result, String url, String revision) {
        TreeManifest manifest = TreeManifest.read(dir).orElseThrow();
        try {
            for (Map.Entry<String, String> e : result.after().entrySet()) writeAtomically(dir.resolve(e.getKey()), e.getValue());
            writeAtomically(dir.resolve(TreeLayout.MANIFEST), manifest.rewritten(url,
                    revision != null ? revision : manifest.revision(), result.before(), result.after()).toJson());
        } catch (IOException e) {
            throw new InputException(Location.of(dir.toString()), "cannot write: " + e, "check that the tree is writable");
        }
    }

    private static List<Edit> edits(String text, String file, TreeManifest manifest, String url, String revision) {
        List<Edit> edits = new ArrayList<>();
        LoadSettings settings = LoadSettings.builder().setLabel(file).build();
        try {
            for (Node doc : new Compose(settings).composeAllFromString(text)) {
                if (!(doc instanceof MappingNode m) || !kfbootArgoObject(m)) continue;
                boolean project = "AppProject".equals(scalar(m, "kind").map(ScalarNode::getValue).orElse(""));
                collect(doc, text, file, manifest, url, revision, project, edits);
            }
        } catch (YamlEngineException e) {
            throw new InputException(Location.of(file), "invalid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    "fix the file (or regenerate the tree) before rewriting its repository URL");
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        return edits;
    }

    private static void collect(Node node, String text, String file, TreeManifest manifest, String url,
                                String revision, boolean project, List<Edit> edits) {
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) collect(item, text, file, manifest, url, revision, project, edits);
            return;
        }
        if (!(node instanceof MappingNode map)) return;
        Optional<ScalarNode> repo = scalar(map, "repoURL");
        if (repo.isPresent() && repo.get().getValue().equals(manifest.repoURL())) {
            if (!url.equals(manifest.repoURL())) edits.add(edit(text, file, repo.get(), "repoURL", url));
            Optional<ScalarNode> rev = scalar(map, "targetRevision");
            if (revision != null && !revision.equals(manifest.revision()) && rev.isPresent()
                    && rev.get().getValue().equals(manifest.revision())) {
                edits.add(edit(text, file, rev.get(), "targetRevision", revision));
            }
        }
        for (NodeTuple t : map.getValue()) {
            if (project && t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("sourceRepos")
                    && t.getValueNode() instanceof SequenceNode repos) {
                for (Node r : repos.getValue()) {
                    if (r instanceof ScalarNode s && s.getValue().equals(manifest.repoURL()) && !url.equals(manifest.repoURL())) {
                        edits.add(edit(text, file, s, "sourceRepos", url));
                    }
                }
            }
            collect(t.getValueNode(), text, file, manifest, url, revision, project, edits);
        }
    }

    private static boolean kfbootArgoObject(MappingNode doc) {
        String apiVersion = scalar(doc, "apiVersion").map(ScalarNode::getValue).orElse("");
        Optional<Node> labels = child(doc, "metadata").flatMap(m -> child((MappingNode) m, "labels"));
        return apiVersion.startsWith("argoproj.io/") && labels.isPresent() && labels.get() instanceof MappingNode l
                && scalar(l, Names.MANAGED_BY).map(s -> s.getValue().equals(Names.KFBOOT)).orElse(false);
    }

    private static Edit edit(String text, String file, ScalarNode node, String field, String value) {
        int start = offset(text, node.getStartMark().orElseThrow());
        int end = offset(text, node.getEndMark().orElseThrow());
        int line = node.getStartMark().map(Mark::getLine).orElse(0) + 1;
        return new Edit(start, end, written(node.getScalarStyle(), value),
                new Change(file, line, field, node.getValue(), value));
    }

    /** The new value in the style the old one had; plain only when it stays a plain string. */
    private static String written(ScalarStyle style, String value) {
        return switch (style) {
            case SINGLE_QUOTED -> "'" + value.replace("'", "''") + "'";
            case DOUBLE_QUOTED -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default -> YamlWriter.scalar(value);
        };
    }

    private static String splice(String text, List<Edit> edits) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Edit e : edits) {
            sb.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        return sb.append(text.substring(at)).toString();
    }

    /** Marks count code points; Java strings count UTF-16 units. */
    private static int offset(String text, Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    private static Optional<Node> child(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return Optional.of(t.getValueNode());
        }
        return Optional.empty();
    }

    private static Optional<ScalarNode> scalar(MappingNode m, String key) {
        return child(m, key).filter(n -> n instanceof ScalarNode).map(n -> (ScalarNode) n);
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).toString().startsWith(".git") && !dir.relativize(p).toString().startsWith(".kfboot"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(Location.of(dir.toString()), "cannot read the tree: " + e.getMessage(), "check its permissions");
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            TreeWriter.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
