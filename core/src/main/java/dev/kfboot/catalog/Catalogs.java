package dev.kfboot.catalog;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.ResourceId;
import dev.kfboot.yaml.MapReader;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The releases kfboot knows: those it ships (loaded from the jar on first use), plus user catalogs
 * ({@code --catalog FILE} and the user catalog directory, written by {@code kfboot catalog scan}). Immutable:
 * {@link #with} and {@link #without} return new sets, so a test can hide a release and a command can add one.
 */
public final class Catalogs {

    private static final String BASE = "/dev/kfboot/catalog/";
    private static final Catalogs BUILTIN = new Catalogs();

    /** Where one release comes from; both parts load once, on first use. */
    private record Source(String origin, Supplier<ReleaseCatalog> catalog, Supplier<ReleaseFacts> facts) {}

    private final String defaultRelease;
    private final List<String> releases;
    private final Map<String, Source> sources;
    private final Map<String, ReleaseCatalog> loaded = new ConcurrentHashMap<>();
    private final Map<String, ReleaseFacts> facts = new ConcurrentHashMap<>();
    private final Map<Path, TreeCatalog> trees = new ConcurrentHashMap<>();

    private Catalogs() {
        MapReader index = MapReader.of(
                readResource("releases.yaml").get(0),
                resourceName("releases.yaml"),
                "",
                List.of("default", "releases"));
        this.defaultRelease = index.requiredString("default", "name the default release");
        this.releases = List.copyOf(index.strings("releases"));
        Map<String, Source> s = new LinkedHashMap<>();
        for (String r : releases) {
            s.put(
                    r,
                    new Source(
                            "built in", () -> parse(r, readResource(r + ".yaml").get(0)), () -> builtinFacts(r)));
        }
        this.sources = s;
    }

    private Catalogs(String defaultRelease, List<String> releases, Map<String, Source> sources) {
        this.defaultRelease = defaultRelease;
        this.releases = List.copyOf(releases);
        this.sources = Map.copyOf(sources);
    }

    public static Catalogs builtin() {
        return BUILTIN;
    }

    public String defaultRelease() {
        return defaultRelease;
    }

    /** Known releases, newest first as releases.yaml lists them, then user catalogs in the order added. */
    public List<String> releases() {
        return releases;
    }

    /** The upstream repositories the known releases name (kubeflow/manifests, its successor's name, ...). */
    public Set<String> upstreamRepos() {
        Set<String> out = new TreeSet<>();
        for (String r : releases) out.add(release(r).repo());
        return out;
    }

    /** Where a release's catalog comes from: "built in" or the user catalog file. */
    public String origin(String release) {
        requireKnown(release, Location.NONE);
        return sources.get(release).origin();
    }

    /** These releases without {@code release} (tests treat a known tree as unknown this way). */
    public Catalogs without(String release) {
        List<String> rs = new ArrayList<>(releases);
        rs.remove(release);
        Map<String, Source> s = new LinkedHashMap<>(sources);
        s.remove(release);
        String def = defaultRelease.equals(release) ? (rs.isEmpty() ? defaultRelease : rs.get(0)) : defaultRelease;
        return new Catalogs(def, rs, s);
    }

    /**
     * These releases and {@code catalog} (with its facts, or null when it has none); a release of the same name is
     * replaced. {@code origin} says where it came from.
     */
    public Catalogs with(ReleaseCatalog catalog, ReleaseFacts releaseFacts, String origin) {
        List<String> rs = new ArrayList<>(releases);
        if (!rs.contains(catalog.release())) rs.add(catalog.release());
        Map<String, Source> s = new LinkedHashMap<>(sources);
        s.put(catalog.release(), new Source(origin, () -> catalog, () -> {
            if (releaseFacts == null) {
                throw new InputException(
                        Location.of(origin),
                        "no facts for release " + catalog.release(),
                        "plan with --upstream DIR, or write them with kfboot catalog scan");
            }
            return releaseFacts;
        }));
        return new Catalogs(defaultRelease, rs, s);
    }

    /** @throws InputException naming the known releases when {@code release} is not one */
    public ReleaseCatalog release(String release) {
        requireKnown(release, Location.NONE);
        return loaded.computeIfAbsent(release, r -> sources.get(r).catalog().get());
    }

    public boolean knows(String release) {
        return sources.containsKey(release);
    }

    public void requireKnown(String release, Location where) {
        if (!sources.containsKey(release)) {
            throw new InputException(
                    where,
                    "unknown release '" + release + "'",
                    "known releases: " + String.join(", ", releases)
                            + "; add one with kfboot catalog scan --upstream TREE --release " + release);
        }
    }

    /** The facts for a release, as {@code kfboot catalog scan} wrote them. */
    public ReleaseFacts facts(String release) {
        requireKnown(release, Location.NONE);
        return facts.computeIfAbsent(release, r -> sources.get(r).facts().get());
    }

    /**
     * The catalog of an upstream tree: the known release it is (git tag or commit, README version table), or one
     * derived from its own {@code example/kustomization.yaml}, labelled honestly. Remembered per tree.
     */
    public TreeCatalog forTree(Path tree) {
        Path key = tree.toAbsolutePath().normalize();
        return trees.computeIfAbsent(key, t -> TreeCatalog.of(t, this));
    }

    private static ReleaseFacts builtinFacts(String r) {
        try (InputStream in = Catalogs.class.getResourceAsStream(BASE + r + ".facts.json")) {
            if (in == null) {
                throw new InputException(
                        Location.of(r + ".facts.json"),
                        "no committed facts for release " + r,
                        "run kfboot catalog scan --upstream DIR, or plan with --upstream DIR");
            }
            return FactsCodec.read(in, resourceName(r + ".facts.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceName(String name) {
        return "catalog/" + name;
    }

    private static List<YNode> readResource(String name) {
        try (InputStream in = Catalogs.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("catalog resource missing from the jar: " + name);
            return YamlReader.forUserFiles()
                    .parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8), resourceName(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one release catalog; public so tests can check catalogs written inline. */
    public static ReleaseCatalog parse(String release, YNode doc) {
        return parse(release, doc, resourceName(release + ".yaml"));
    }

    /** Reads one release catalog from {@code doc}, naming {@code file} in errors. */
    public static ReleaseCatalog parse(String release, YNode doc, String file) {
        MapReader root = MapReader.of(
                doc,
                file,
                "",
                List.of(
                        "release",
                        "repo",
                        "revision",
                        "commit",
                        "kubernetes",
                        "readmeVersions",
                        "renames",
                        "components"));
        List<Component> components = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<YNode> items = root.list("components");
        for (int i = 0; i < items.size(); i++) {
            MapReader c = MapReader.of(
                    items.get(i),
                    file,
                    "components[" + i + "]",
                    List.of("id", "description", "namespace", "example", "requests", "variants", "dependsOn"));
            String id = c.requiredString("id", "every component needs an id");
            if (!ids.add(id))
                throw new InputException(c.at("id"), "duplicate component id '" + id + "'", "ids are unique");
            List<Variant> variants = new ArrayList<>();
            for (YNode vn : c.list("variants")) {
                MapReader v = MapReader.of(
                        vn,
                        file,
                        c.child("variants"),
                        List.of("name", "description", "paths", "components", "supersedes"));
                List<String> paths = v.strings("paths");
                for (String p : paths) requireRelative(p, v.at("paths"));
                List<String> kcomps = v.strings("components");
                for (String p : kcomps) requireRelative(p, v.at("components"));
                List<Variant.Supersede> supersedes = new ArrayList<>();
                for (String sup : v.strings("supersedes")) supersedes.add(supersede(sup, v.at("supersedes")));
                variants.add(new Variant(
                        v.requiredString("name", "name the variant"),
                        v.string("description").orElse(""),
                        paths,
                        kcomps,
                        supersedes));
            }
            if (variants.isEmpty())
                throw new InputException(c.at("variants"), "component " + id + " has no variant", "add one");
            List<DeclaredDependency> deps = new ArrayList<>();
            for (YNode dn : c.list("dependsOn")) {
                MapReader d = MapReader.of(dn, file, c.child("dependsOn"), List.of("component", "reason"));
                deps.add(new DeclaredDependency(
                        d.requiredString("component", "name it"), d.requiredString("reason", "say why")));
            }
            Requests requests = c.map("requests", List.of("cpu", "memory", "storage"))
                    .map(r -> new Requests(
                            r.integer("cpu").orElse(0),
                            r.integer("memory").orElse(0),
                            r.integer("storage").orElse(0)))
                    .orElse(Requests.NONE);
            components.add(new Component(
                    id,
                    c.requiredString("description", "describe it in one line"),
                    c.requiredString("namespace", "name its destination namespace"),
                    c.bool("example").orElse(false),
                    requests,
                    variants,
                    deps));
        }
        for (Component c : components) {
            for (Variant v : c.variants()) {
                for (Variant.Supersede sup : v.supersedes()) {
                    if (!ids.contains(sup.component())) {
                        throw new InputException(
                                Location.of(file),
                                c.id() + " variant " + v.name() + " supersedes an object of unknown component "
                                        + sup.component(),
                                "known: " + String.join(", ", ids));
                    }
                }
            }
            for (DeclaredDependency d : c.dependsOn()) {
                if (!ids.contains(d.component())) {
                    throw new InputException(
                            Location.of(file),
                            c.id() + " depends on unknown component " + d.component(),
                            "known: " + String.join(", ", ids));
                }
            }
        }
        KubernetesRequirement kubernetes = root.map("kubernetes", List.of("minimum", "reason"))
                .map(k -> {
                    String min = k.requiredString(
                            "minimum", "write the oldest supported Kubernetes as \"major.minor\", e.g. \"1.31\"");
                    if (!min.matches("\\d+\\.\\d+")) {
                        throw new InputException(
                                k.at("minimum"),
                                "kubernetes.minimum '" + min + "' is not major.minor",
                                "e.g. \"1.31\"");
                    }
                    return new KubernetesRequirement(
                            min, k.requiredString("reason", "say where the figure comes from"));
                })
                .orElse(null);
        List<Rename> renames = new ArrayList<>();
        for (YNode rn : root.list("renames"))
            renames.add(rename(
                    MapReader.of(rn, file, "renames", List.of("from", "component", "kind", "into", "variants", "note")),
                    ids));
        return new ReleaseCatalog(
                root.requiredString("release", "name the release"),
                root.requiredString("repo", "give the repo"),
                root.requiredString("revision", "give the tag"),
                root.string("commit").orElse(""),
                kubernetes,
                components,
                root.stringMap("readmeVersions"),
                renames,
                null);
    }

    private static Rename rename(MapReader r, Set<String> ids) {
        String kindText = r.requiredString("kind", "one of renamed, merged, split, removed");
        Rename.Kind kind;
        try {
            kind = Rename.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    r.at("kind"), "unknown rename kind '" + kindText + "'", "one of renamed, merged, split, removed");
        }
        List<String> into = r.strings("into");
        int expected = switch (kind) {
            case RENAMED, MERGED -> 1;
            case SPLIT -> 2;
            case REMOVED -> 0;
        };
        if (kind == Rename.Kind.SPLIT ? into.size() < 2 : into.size() != expected) {
            throw new InputException(
                    r.at("into"),
                    kindText + " needs " + (kind == Rename.Kind.SPLIT ? "two or more" : expected)
                            + " components in into, found " + into.size(),
                    "name the component(s) of this release it became");
        }
        for (String id : into) {
            if (!ids.contains(id)) {
                throw new InputException(
                        r.at("into"), "rename into unknown component '" + id + "'", "known: " + String.join(", ", ids));
            }
        }
        return new Rename(
                r.requiredString("from", "name the earlier release"),
                r.requiredString("component", "name the earlier component"),
                kind,
                into,
                r.stringMap("variants"),
                r.string("note").orElse(""));
    }

    /** {@code component:kind[.group]/name}, e.g. {@code kubeflow-namespace:namespace/kubeflow}. */
    private static Variant.Supersede supersede(String text, Location where) {
        Matcher m = Pattern.compile("([a-z0-9-]+):([A-Za-z]+)(?:\\.([a-z0-9.-]+))?/([a-z0-9.-]+)")
                .matcher(text);
        if (!m.matches()) {
            throw new InputException(
                    where,
                    "supersedes entry '" + text + "' is not component:kind[.group]/name",
                    "e.g. kubeflow-namespace:namespace/kubeflow");
        }
        String kind = Character.toUpperCase(m.group(2).charAt(0)) + m.group(2).substring(1);
        return new Variant.Supersede(
                m.group(1), ResourceId.of(m.group(3) == null ? "" : m.group(3), kind, null, m.group(4)));
    }

    private static void requireRelative(String p, Location where) {
        if (p.startsWith("/") || p.contains("\\") || Path.of(p).normalize().startsWith("..")) {
            throw new InputException(
                    where,
                    "path '" + p + "' must stay inside the manifests tree",
                    "write it relative to the manifests root, without ..");
        }
    }
}
