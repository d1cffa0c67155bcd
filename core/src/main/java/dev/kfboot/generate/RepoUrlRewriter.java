package dev.kfboot.generate;

import dev.kfboot.files.AtomicFiles;
import dev.kfboot.files.UnifiedDiff;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YamlEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

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
    public record Result(
            String fromUrl,
            String fromRevision,
            Map<String, String> before,
            Map<String, String> after,
            List<Change> changes) {

        public String diff() {
            StringBuilder sb = new StringBuilder();
            after.forEach((f, text) -> sb.append(UnifiedDiff.of(f, before.get(f), text)));
            return sb.toString();
        }
    }

    private RepoUrlRewriter() {}

    /** @param revision null keeps every revision */
    public static Result plan(Path dir, String url, String revision) {
        TreeManifest manifest = TreeManifest.read(dir)
                .orElseThrow(() -> new InputException(
                        Location.of(dir.toString()),
                        "not a tree kfboot generated (no " + TreeLayout.MANIFEST + ")",
                        "run it on the directory kfboot generate wrote; hand-written "
                                + "trees have no kfboot objects to rewrite"));
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            String rel = RepoPaths.clean(dir.relativize(file).toString());
            String text = TreeWriter.read(file).orElse("");
            String rewritten = rewrite(text, rel, manifest, url, revision, changes);
            if (rewritten == null) continue;
            before.put(rel, text);
            after.put(rel, rewritten);
        }
        if (Files.isRegularFile(dir.resolve(TreeLayout.README))) {
            String readme = TreeWriter.read(dir.resolve(TreeLayout.README)).orElse("");
            String next = readme.replace(
                    " from " + manifest.repoURL() + " at " + manifest.revision() + ".",
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
        for (Map.Entry<String, String> e : result.after().entrySet())
            AtomicFiles.write(dir.resolve(e.getKey()), e.getValue());
        AtomicFiles.write(
                dir.resolve(TreeLayout.MANIFEST),
                manifest.rewritten(
                                url, revision != null ? revision : manifest.revision(), result.before(), result.after())
                        .toJson());
    }

    /** The rewritten text, or null when nothing in the file is kfboot's own repository. */
    private static String rewrite(
            String text, String file, TreeManifest manifest, String url, String revision, List<Change> changes) {
        YamlEditor editor = YamlEditor.of(text, file);
        int before = changes.size();
        for (YamlEditor.Doc doc : editor.documents()) {
            if (!kfbootArgoObject(doc.root())) continue;
            collect(doc.root(), editor, file, manifest, url, revision, "AppProject".equals(doc.kind()), changes);
        }
        return changes.size() == before ? null : editor.result();
    }

    private static void collect(
            Node node,
            YamlEditor editor,
            String file,
            TreeManifest manifest,
            String url,
            String revision,
            boolean project,
            List<Change> changes) {
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) collect(item, editor, file, manifest, url, revision, project, changes);
            return;
        }
        if (!(node instanceof MappingNode map)) return;
        if (YamlEditor.child(map, "repoURL") instanceof ScalarNode repo
                && repo.getValue().equals(manifest.repoURL())) {
            if (!url.equals(manifest.repoURL())) replace(editor, file, repo, "repoURL", url, changes);
            if (revision != null
                    && !revision.equals(manifest.revision())
                    && YamlEditor.child(map, "targetRevision") instanceof ScalarNode rev
                    && rev.getValue().equals(manifest.revision())) {
                replace(editor, file, rev, "targetRevision", revision, changes);
            }
        }
        for (NodeTuple t : map.getValue()) {
            if (project
                    && t.getKeyNode() instanceof ScalarNode k
                    && k.getValue().equals("sourceRepos")
                    && t.getValueNode() instanceof SequenceNode repos) {
                for (Node r : repos.getValue()) {
                    if (r instanceof ScalarNode s
                            && s.getValue().equals(manifest.repoURL())
                            && !url.equals(manifest.repoURL())) {
                        replace(editor, file, s, "sourceRepos", url, changes);
                    }
                }
            }
            collect(t.getValueNode(), editor, file, manifest, url, revision, project, changes);
        }
    }

    private static void replace(
            YamlEditor editor, String file, ScalarNode node, String field, String value, List<Change> changes) {
        int line = editor.replace(node, value);
        changes.add(new Change(file, line, field, node.getValue(), value));
    }

    private static boolean kfbootArgoObject(MappingNode doc) {
        String apiVersion = YamlEditor.scalar(doc, "apiVersion");
        Node labels = YamlEditor.child(YamlEditor.child(doc, "metadata"), "labels");
        return apiVersion != null
                && apiVersion.startsWith("argoproj.io/")
                && Names.KFBOOT.equals(YamlEditor.scalar(labels, Names.MANAGED_BY));
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).toString().startsWith(".git")
                            && !dir.relativize(p).toString().startsWith(TreeLayout.STATE))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(
                    Location.of(dir.toString()), "cannot read the tree: " + e.getMessage(), "check its permissions");
        }
    }
}
