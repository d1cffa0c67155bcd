package dev.kfboot.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.render.KustomizeRenderer;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.yaml.RenderedYaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a source that is a directory of plain manifests the way Argo CD does: every {@code .yaml},
 * {@code .yml} and {@code .json} file in it (and below it with {@code directory.recurse}), filtered by
 * {@code directory.include} and {@code exclude}, in name order.
 */
final class DirectorySource {

    private DirectorySource() {}

    static Rendered render(RenderUnit unit, ArgoDirectory.Options options) {
        long start = System.nanoTime();
        Path dir = unit.root().resolve(unit.paths().get(0)).normalize();
        List<Map<String, Object>> docs = new ArrayList<>();
        if (!Files.isDirectory(dir)) return failed(unit, start, "cannot read " + unit.paths().get(0) + ": not a directory");
        for (Path f : ArgoDirectory.manifests(dir, options)) {
            try {
                docs.addAll(RenderedYaml.parse(Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return failed(unit, start, dir.relativize(f) + " is not valid YAML: " + e.getMessage());
            } catch (IOException e) {
                return failed(unit, start, "cannot read " + dir.relativize(f) + ": " + e.getMessage());
            }
        }
        return new Rendered(unit, docs, null, List.of(), (System.nanoTime() - start) / 1_000_000);
    }

    private static Rendered failed(RenderUnit unit, long start, String message) {
        return new Rendered(unit, List.of(), Finding.error(KustomizeRenderer.RULE_RENDER_FAILED, unit.id(), message,
                "Argo CD reads every YAML and JSON file of a plain directory source; fix or move the file"),
                List.of(), (System.nanoTime() - start) / 1_000_000);
    }
}
