package dev.kfboot.cluster.diff;

import dev.kfboot.model.Fields;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.yaml.RenderedYaml;
import dev.kfboot.yaml.YamlLimits;
import dev.kfboot.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An app's desired objects: its source rendered from a local checkout, or read from a pre-rendered file. */
public final class DesiredState {

    private DesiredState() {}

    /**
     * Renders the app's source path from {@code repoDir}, a checkout of its repository at its target revision,
     * with kfboot's renderer (kustomize; remote bases from {@code remoteCache} when given).
     */
    public static List<Map<String, Object>> render(
            String app, Map<String, Object> spec, Path repoDir, Path remoteCache) {
        Map<String, Object> source = Fields.map(spec, "source");
        if (source.isEmpty() && !Fields.maps(spec, "sources").isEmpty())
            source = Fields.maps(spec, "sources").get(0);
        String path = Fields.string(source, "path");
        if (path == null) {
            throw new InputException(
                    Location.NONE,
                    app + "'s source has no path (a Helm chart?): kfboot renders kustomize directories",
                    "render it yourself and pass the result with --rendered FILE");
        }
        if (!Files.isDirectory(repoDir.resolve(path))) {
            throw new InputException(
                    Location.of(repoDir.toString()),
                    "path " + path + " of " + app + " does not exist here",
                    "pass a checkout of " + Fields.string(source, "repoURL") + " at "
                            + Fields.stringOr(source, "HEAD", "targetRevision"));
        }
        RenderUnit unit = RenderUnit.of(app, repoDir, path);
        Rendered r = Rendering.run(List.of(unit), RenderOptions.defaults(remoteCache), x -> {})
                .rendered()
                .get(0);
        if (!r.ok()) {
            throw new InputException(
                    Location.of(repoDir.resolve(path).toString()),
                    "rendering failed: " + r.failure().message(),
                    r.failure().hint());
        }
        return r.documents();
    }

    public static List<Map<String, Object>> read(Path file) {
        String text = new YamlReader(YamlLimits.RENDERED).readText(file, file.toString());
        try {
            return RenderedYaml.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    Location.of(file.toString()),
                    "not YAML manifests: " + e.getMessage(),
                    "pass the output of kustomize build");
        }
    }
}
