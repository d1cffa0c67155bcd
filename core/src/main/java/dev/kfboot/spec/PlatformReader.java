package dev.kfboot.spec;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.MapReader;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code platform.yaml} strictly: unknown fields, wrong types and wrong kinds are errors with a line. */
public final class PlatformReader {

    static final List<String> TOP = List.of("apiVersion", "kind", "metadata", "spec");
    static final List<String> SPEC = List.of(
            "release",
            "repo",
            "components",
            "argocd",
            "syncPolicy",
            "extraApps",
            "environments",
            "clusters",
            "exposure");
    static final List<String> REPO = List.of("url", "revision", "path");
    static final List<String> COMPONENT = List.of("name", "enabled", "variant", "dependsOn", "wave", "sync");

    private PlatformReader() {}

    public static Platform read(Path file, String shownAs) {
        List<YNode> docs = YamlReader.forUserFiles().readAll(file, shownAs);
        return parse(docs, shownAs);
    }

    public static Platform parse(String text, String shownAs) {
        return parse(YamlReader.forUserFiles().parseAll(text, shownAs), shownAs);
    }

    private static Platform parse(List<YNode> docs, String file) {
        if (docs.isEmpty()) {
            throw new InputException(
                    Location.of(file),
                    "the file holds no YAML document",
                    "start from `kfboot init`, which writes a commented platform.yaml");
        }
        if (docs.size() > 1) {
            throw new InputException(
                    new Location(file, docs.get(1).line()),
                    "expected one YAML document, found " + docs.size(),
                    "keep one Platform per file");
        }
        MapReader top = MapReader.of(docs.get(0), file, "", TOP);
        String apiVersion = top.requiredString("apiVersion", "write apiVersion: " + Platform.API_VERSION);
        if (!apiVersion.equals(Platform.API_VERSION)) {
            throw new InputException(
                    top.at("apiVersion"),
                    "unsupported apiVersion '" + apiVersion + "'",
                    "write apiVersion: " + Platform.API_VERSION);
        }
        String kind = top.requiredString("kind", "write kind: " + Platform.KIND);
        if (!kind.equals(Platform.KIND)) {
            throw new InputException(
                    top.at("kind"),
                    "expected kind " + Platform.KIND + ", found '" + kind + "'",
                    "write kind: " + Platform.KIND);
        }
        String name = top.map("metadata", List.of("name"))
                .flatMap(m -> m.string("name"))
                .orElse("kubeflow");
        if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || name.length() > 53) {
            throw new InputException(
                    top.at("metadata"),
                    "metadata.name '" + name + "' is not a valid Kubernetes name",
                    "use lower-case letters, digits and '-', at most 53 characters");
        }
        MapReader spec = top.map("spec", SPEC)
                .orElseThrow(() -> new InputException(
                        top.here(), "missing required field 'spec'", "add spec.release and spec.components"));
        Repo repo = spec.map("repo", REPO)
                .map(r -> new Repo(
                        r.string("url").orElse(null), r.string("revision").orElse(null), checkedPath(r)))
                .orElse(null);
        List<ComponentSetting> settings = new ArrayList<>();
        List<YNode> items = spec.list("components");
        for (int i = 0; i < items.size(); i++) {
            MapReader c = MapReader.of(items.get(i), file, "spec.components[" + i + "]", COMPONENT);
            settings.add(new ComponentSetting(
                    c.requiredString("name", "name the component (kfboot catalog list shows them)"),
                    c.bool("enabled").orElse(null),
                    c.string("variant").orElse(null),
                    c.strings("dependsOn"),
                    c.integer("wave").orElse(null),
                    ArgoSpecReader.syncMode(c),
                    c.here()));
        }
        return new Platform(
                new Location(file, 0),
                name,
                spec.string("release").orElse(null),
                repo,
                settings,
                ArgoSpecReader.argocd(spec),
                ArgoSpecReader.sync(spec),
                ArgoSpecReader.extraApps(spec),
                ArgoSpecReader.environments(spec),
                ArgoSpecReader.clusters(spec),
                ExposureReader.gatewayAPI(spec));
    }

    private static String checkedPath(MapReader repo) {
        String path = repo.string("path").orElse("");
        if (path.startsWith("/")
                || Path.of(path.isEmpty() ? "." : path).normalize().startsWith("..")) {
            throw new InputException(
                    repo.at("path"),
                    "spec.repo.path '" + path + "' must be relative to the repository root",
                    "write a path inside the repository, without a leading / or ..");
        }
        return path;
    }
}
