package dev.kfboot.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.render.KustomizeRenderer;
import dev.kfboot.render.ReadBoundary;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.validate.rules.Texts;
import dev.kfboot.yaml.Nesting;
import dev.kfboot.yaml.RenderedYaml;
import dev.kfboot.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a source that is a directory of plain manifests the way Argo CD does: every {@code .yaml},
 * {@code .yml} and {@code .json} file in it (and below it with {@code directory.recurse}), filtered by
 * {@code directory.include} and {@code exclude}, in name order. Argo CD also evaluates the {@code .jsonnet} files
 * those filters let through; kfboot does not, so a directory holding any is unverified, not read in part.
 */
final class DirectorySource {

    /** The most bytes of manifests one plain-directory source may hold (a render of kubeflow is about 30 MB). */
    static final long MAX_TOTAL_BYTES = 64L << 20;

    private DirectorySource() {}

    static Rendered render(RenderUnit unit, ArgoDirectory.Options options) {
        long start = System.nanoTime();
        Path dir = unit.root().resolve(unit.paths().get(0)).normalize();
        List<Map<String, Object>> docs = new ArrayList<>();
        if (!Files.isDirectory(dir))
            return failed(unit, start, "cannot read " + unit.paths().get(0) + ": not a directory");
        Set<Path> jsonnet = ArgoDirectory.jsonnet(dir, options);
        if (!jsonnet.isEmpty()) {
            List<String> names =
                    jsonnet.stream().map(f -> dir.relativize(f).toString()).toList();
            return HelmSource.unverified(
                    unit,
                    start,
                    "source path " + unit.paths().get(0) + " holds Jsonnet (" + Texts.some(names, 3)
                            + "), which Argo CD evaluates and kfboot does not",
                    "render it yourself (jsonnet, with the app's directory.jsonnet variables) and validate the output,"
                            + " or leave the files out with directory.exclude if Argo CD is not to read them");
        }
        ReadBoundary bound = ReadBoundary.of(unit.root());
        long total = 0;
        for (Path f : ArgoDirectory.manifests(dir, options)) {
            // a link out of the repository is refused, not followed (Argo CD's repo server refuses it too)
            String refused = bound.refusal(f, bound.shown(f));
            if (refused != null) return failed(unit, start, "refused to read outside the repository: " + refused);
            try {
                long size = Files.size(f);
                total += size;
                if (size > YamlLimits.USER.maxFileBytes() || total > MAX_TOTAL_BYTES) {
                    return failed(
                            unit,
                            start,
                            bound.shown(f) + ": the directory's manifests exceed "
                                    + (size > YamlLimits.USER.maxFileBytes()
                                            ? YamlLimits.USER.maxFileBytes() + " bytes in one file"
                                            : MAX_TOTAL_BYTES + " bytes in all")
                                    + "; not read");
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                int deep = Nesting.firstLineDeeperThan(text, Nesting.MAX_DEPTH);
                if (deep > 0) {
                    return failed(
                            unit,
                            start,
                            bound.shown(f) + ":" + deep + ": YAML nested more than " + Nesting.MAX_DEPTH
                                    + " levels deep; not read");
                }
                docs.addAll(RenderedYaml.parse(text));
            } catch (IllegalArgumentException e) {
                return failed(unit, start, dir.relativize(f) + " is not valid YAML: " + e.getMessage());
            } catch (IOException e) {
                return failed(unit, start, "cannot read " + dir.relativize(f) + ": " + e.getMessage());
            }
        }
        return new Rendered(unit, docs, null, List.of(), (System.nanoTime() - start) / 1_000_000);
    }

    private static Rendered failed(RenderUnit unit, long start, String message) {
        return new Rendered(
                unit,
                List.of(),
                Finding.error(
                        KustomizeRenderer.RULE_RENDER_FAILED,
                        unit.id(),
                        message,
                        "Argo CD reads every YAML and JSON file of a plain directory source; fix or move the file"),
                List.of(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
