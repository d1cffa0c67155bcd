package dev.kfboot.cluster.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.ArgoReader;
import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Json;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Argo CD objects of an app-of-apps tree (what {@code kfboot generate} writes and {@code kfboot validate}
 * checks): every AppProject and Application in the YAML files under a directory. Other documents
 * (kustomizations, the components' own manifests) are not deployed by kfboot: Argo CD applies them.
 * ApplicationSets are listed as skipped: their rollout belongs to Argo CD's progressive sync.
 *
 * <p>A generated tree keeps its components' overlays in {@code overlays/} (Argo CD renders those) and one
 * overlay per environment in {@code envs/NAME/}: a kustomization that patches {@code apps/} and the environment's
 * own root app. Without an environment the base tree is read and {@code envs/} is left alone; with one, the
 * environment's Applications are its kustomization rendered by kfboot's renderer, and its root app replaces the
 * base one.
 */
public record DeployTree(Path dir, List<TreeApp> apps, List<Map<String, Object>> projects, List<String> skipped) {

    /** Directories of a generated tree that hold no Application kfboot deploys. */
    static final List<String> NOT_DEPLOYED = List.of("envs", "overlays", ".kfboot");

    public static DeployTree read(Path dir, String argoNamespace) {
        return read(dir, argoNamespace, null);
    }

    public static DeployTree read(Path dir, String argoNamespace, String env) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "not a directory",
                    "pass the directory kfboot generate wrote (it holds the Applications)");
        }
        List<TreeApp> apps = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        List<Map<String, Object>> projects = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        YamlReader reader = YamlReader.forUserFiles();
        List<Source> sources = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            String shown = dir.relativize(file).toString();
            sources.add(new Source(shown, reader.readAll(file, shown)));
        }
        if (env != null) sources = EnvironmentOverlay.sources(dir, env, sources, reader);
        for (Source source : sources) {
            String shown = source.shown();
            for (YNode doc : source.documents()) {
                GroupKind kind = ArgoReader.kindOf(doc);
                if (kind.equals(ArgoCd.APPLICATION)) {
                    Application a = ArgoReader.application(doc, shown);
                    checkApp(a, argoNamespace, seen);
                    boolean root = argoNamespace.equals(a.destinationNamespace());
                    apps.add(new TreeApp(
                            a.name(),
                            a.syncWave() == null ? 0 : a.syncWave(),
                            root,
                            normalise(doc),
                            a.location().toString()));
                } else if (kind.equals(ArgoCd.APP_PROJECT)) {
                    projects.add(normalise(doc));
                } else if (kind.equals(ArgoCd.APPLICATION_SET)) {
                    skipped.add("ApplicationSet "
                            + ArgoReader.applicationSet(doc, shown).name() + " (" + shown
                            + "): Argo CD's ApplicationSet controller rolls it out");
                }
            }
        }
        if (apps.isEmpty()) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "no Argo CD Application found in the YAML files",
                    "pass the directory kfboot generate wrote, e.g. kfboot deploy ./kubeflow-apps");
        }
        return new DeployTree(dir, List.copyOf(apps), List.copyOf(projects), List.copyOf(skipped));
    }

    private static void checkApp(Application a, String argoNamespace, Map<String, String> seen) {
        if (a.name() == null || a.name().isBlank()) {
            throw new InputException(a.location(), "Application without metadata.name", "give it a name");
        }
        String before = seen.putIfAbsent(a.name(), a.location().toString());
        if (before != null) {
            throw new InputException(
                    a.location(),
                    "Application " + a.name() + " is defined twice (also at " + before + ")",
                    "remove one of them");
        }
        if (a.namespace() != null && !a.namespace().equals(argoNamespace)) {
            throw new InputException(
                    a.location(),
                    "Application " + a.name() + " is in namespace " + a.namespace() + ", not in Argo CD's namespace "
                            + argoNamespace,
                    "pass --namespace " + a.namespace() + " if Argo CD runs there");
        }
        String wave = a.annotations().get(ArgoCd.SYNC_WAVE);
        if (wave != null && a.syncWave() == null) {
            throw new InputException(
                    a.location(),
                    "sync-wave annotation '" + wave + "' of " + a.name() + " is not a number",
                    "write a whole number in quotes, e.g. argocd.argoproj.io/sync-wave: \"2\"");
        }
    }

    /** Through JSON text, so numbers get the types the API server's answers have (Integer, not Long). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalise(YNode doc) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsString(doc.toPlain()), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documents of one file (or of a rendered overlay), and how to name it in messages. */
    record Source(String shown, List<YNode> documents) {}

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p ->
                            !NOT_DEPLOYED.contains(dir.relativize(p).getName(0).toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(
                    Location.of(dir.toString()), "cannot read: " + e.getMessage(), "check permissions");
        }
    }

    public List<Integer> waves() {
        return apps.stream()
                .filter(a -> !a.root())
                .map(TreeApp::wave)
                .distinct()
                .sorted()
                .toList();
    }

    /** The names of the tree's AppProjects. */
    public List<String> projectNames() {
        return projects.stream().map(p -> Fields.string(p, "metadata", "name")).toList();
    }
}
