package dev.kfboot.cluster.deploy;

import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.ArgoReader;
import dev.kfboot.generate.TreeLayout;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.validate.Tree;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.yaml.YMap;
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
 * (it patches the base {@code apps/}), plus the environment's root app as the tree reader found it, in place of
 * the base apps and root.
 */
final class EnvironmentOverlay {

    private EnvironmentOverlay() {}

    static List<TreeApp> apps(Tree tree, String env) {
        Path dir = tree.dir();
        String shownDir = TreeLayout.env(env);
        Path envDir = dir.resolve(shownDir);
        if (!Files.isDirectory(envDir)) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "the tree has no environment '" + env + "'",
                    environments(dir).isEmpty()
                            ? "it has no envs/ directory: deploy it without --env"
                            : "its environments: " + String.join(", ", environments(dir)));
        }
        Rendered r = Rendering.run(
                        List.of(RenderUnit.of(shownDir, dir, shownDir)), RenderOptions.defaults(null), x -> {})
                .rendered()
                .get(0);
        if (!r.ok()) {
            throw new InputException(
                    Location.of(envDir.toString()),
                    "rendering the environment failed: " + r.failure().message(),
                    r.failure().hint());
        }
        String shown = shownDir + " (rendered)";
        Path kustomization = KustomizationClosure.kustomizationFile(envDir);
        List<TreeApp> out = new ArrayList<>();
        for (YNode doc : YamlReader.forUserFiles().parseAll(YamlWriter.writeAll(r.documents()), shown)) {
            if (!ArgoReader.kindOf(doc).equals(ArgoCd.APPLICATION)) continue;
            Application app = ArgoReader.application(doc, shown);
            // ids apart from the tree's own: the base app of the same name is another Application
            out.add(new TreeApp(shownDir + "/" + app.name(), app, (YMap) doc, kustomization, null));
        }
        List<TreeApp> roots = tree.apps().stream()
                .filter(a -> a.appSet() == null && a.file().startsWith(envDir))
                .toList();
        Path rootApp = envDir.resolve(TreeLayout.ROOT_APP);
        if (roots.isEmpty() && Files.isRegularFile(rootApp)) {
            throw new InputException(
                    Location.of(tree.repo().display(rootApp)),
                    "the environment's app of apps deploys nothing kfboot can read: its source is not a local checkout"
                            + " of the tree's repository",
                    "`kfboot validate " + dir + "` shows why (--repo-url URL or --source URL=DIR name the checkout)");
        }
        out.addAll(roots);
        return out;
    }

    private static List<String> environments(Path dir) {
        Path envs = dir.resolve(TreeLayout.ENVS);
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
