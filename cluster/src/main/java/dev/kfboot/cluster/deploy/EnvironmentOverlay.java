package dev.kfboot.cluster.deploy;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.ArgoReader;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlReader;
import dev.kfboot.yaml.YamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Applications of one environment of a generated tree: {@code envs/NAME/} rendered with kfboot's renderer
 * (it patches the base {@code apps/}), plus the environment's root app, in place of the base apps and root.
 */
final class EnvironmentOverlay {

    private EnvironmentOverlay() {}

    static List<DeployTree.Source> sources(Path dir, String env, List<DeployTree.Source> base, YamlReader reader) {
        Path envDir = dir.resolve("envs").resolve(env);
        if (!Files.isDirectory(envDir)) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "the tree has no environment '" + env + "'",
                    environments(dir).isEmpty()
                            ? "it has no envs/ directory: deploy it without --env"
                            : "its environments: " + String.join(", ", environments(dir)));
        }
        List<DeployTree.Source> out = new ArrayList<>();
        for (DeployTree.Source s : base) {
            // the environment brings its own Applications; keep projects and anything else of the base
            List<YNode> kept = s.documents().stream()
                    .filter(d -> !ArgoReader.kindOf(d).equals(ArgoCd.APPLICATION))
                    .toList();
            if (!kept.isEmpty()) out.add(new DeployTree.Source(s.shown(), kept));
        }
        Rendered r = Rendering.run(
                        List.of(RenderUnit.of("envs/" + env, dir, "envs/" + env)),
                        RenderOptions.defaults(null),
                        x -> {})
                .rendered()
                .get(0);
        if (!r.ok()) {
            throw new InputException(
                    Location.of(envDir.toString()),
                    "rendering the environment failed: " + r.failure().message(),
                    r.failure().hint());
        }
        String shown = "envs/" + env + " (rendered)";
        out.add(new DeployTree.Source(shown, reader.parseAll(YamlWriter.writeAll(r.documents()), shown)));
        for (Path f : List.of(envDir.resolve("root-app.yaml"))) {
            if (Files.isRegularFile(f)) {
                String s = dir.relativize(f).toString();
                out.add(new DeployTree.Source(s, reader.readAll(f, s)));
            }
        }
        return out;
    }

    private static List<String> environments(Path dir) {
        Path envs = dir.resolve("envs");
        if (!Files.isDirectory(envs)) return List.of();
        try (Stream<Path> s = Files.list(envs)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
