package dev.kfboot.validate;

import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ApplicationSet;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.ArgoReader;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.render.ReadBoundary;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlLimits;
import dev.kfboot.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the Argo CD objects of a tree: every YAML file under the directory (and the files a kustomization at
 * its top aggregates from elsewhere) that holds an Application, ApplicationSet, AppProject or Argo CD
 * settings. Files that only look related and do not parse are skipped; a file that declares an Argo CD
 * object and does not parse is unusable input.
 */
public final class TreeReader {

    private static final Pattern ARGO_KIND =
            Pattern.compile("(?m)^\\s*kind:\\s*[\"']?(Application|ApplicationSet|AppProject)\\b");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

    /** The most YAML files a tree may hold; beyond it kfboot stops rather than read a whole monorepo. */
    public static final int MAX_FILES = 20_000;
    /** The most Applications a tree may hold (ApplicationSets expanded). */
    public static final int MAX_APPS = 5_000;

    private record Parsed(Path file, List<YNode> docs) {}

    private TreeReader() {}

    /** @param explicitRoot {@code --repo-root}, or null to find it */
    public static Tree read(Path dir, Path explicitRoot) {
        return read(dir, explicitRoot, Locality.NONE);
    }

    /**
     * Other repositories' checkouts, this repository's URL and the clusters of the fleet: what decides which
     * sources are local, and what ApplicationSet generators expand to.
     *
     * @param sources  {@code --source URL=DIR}
     * @param repoUrl  {@code --repo-url}: this repository's URL when git does not tell it; null when not given
     * @param clusters {@code --cluster NAME=URL[,label=value]}
     */
    public record Locality(Map<String, Path> sources, String repoUrl, List<AppSetExpander.Cluster> clusters) {

        public static final Locality NONE = new Locality(Map.of(), null, List.of());

        public Locality {
            sources = sources == null ? Map.of() : Map.copyOf(sources);
            clusters = clusters == null ? List.of() : List.copyOf(clusters);
        }
    }

    /**
     * Reads the tree as Argo CD would reach it: the directory's own files (its YAML and JSON files, and what its
     * kustomization lists) are applied by hand; every Application found deploys what its source lists (a
     * kustomization's resources, a directory's files with {@code directory.recurse}, {@code include} and
     * {@code exclude}), followed while the sources lie in the tree. Files nothing reaches (patches, "pick one of"
     * alternatives, unlisted files) are not read, except other apps of apps over the same children (one root per
     * environment). Without an Application at the top, the directory's YAML files outside kustomizations that do
     * not list them are the roots.
     */
    public static Tree read(Path dir, Path explicitRoot, Locality locality) {
        Path cwd = Path.of("").toAbsolutePath(); // a file that does not parse is named relative to it
        Path top = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(top)) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "not a directory",
                    "pass the directory that holds the Applications (or the kustomization aggregating them)");
        }
        // the root is known before anything is read: nothing outside it is (without git, it is the tree itself)
        RepoRoot repo = RepoRoot.explicitOrGit(top, explicitRoot).orElseGet(() -> RepoRoot.treeItself(top));
        ReadBoundary bound = ReadBoundary.of(repo.dir());
        Map<Path, Parsed> parsed = new LinkedHashMap<>();
        Set<Path> seen = new TreeSet<>();
        Set<Path> seeds = new TreeSet<>(ArgoDirectory.manifests(top, ArgoDirectory.Options.PLAIN));
        if (KustomizationClosure.kustomizationFile(top) != null)
            seeds.addAll(ArgoDirectory.kustomizeResources(top, bound));
        readAll(seeds, seen, parsed, cwd, bound);
        if (parsed.values().stream().noneMatch(TreeReader::declaresApps)) {
            readAll(unlisted(top, candidates(top), bound), seen, parsed, cwd, bound);
        }
        SourceResolver resolver = new SourceResolver(repo, locality.sources(), locality.repoUrl());
        Set<Path> deployedByApps = new TreeSet<>();
        while (true) {
            Built built = build(parsed.values(), repo, locality, null);
            Set<Path> next = new TreeSet<>();
            for (TreeApp a : built.apps()) {
                for (ResolvedSource s : resolver.resolve(a)) {
                    if (!inScope(s, top)) continue;
                    Set<Path> files = ArgoDirectory.objectFiles(s.dir(), a.directoryOptions(s.index()), bound);
                    deployedByApps.addAll(files);
                    for (Path f : files) if (!seen.contains(f)) next.add(f);
                }
            }
            if (next.isEmpty()) break;
            readAll(next, seen, parsed, cwd, bound);
        }
        // other apps of apps over the same children: each environment's root app beside the base's
        Set<Path> everything = candidates(top);
        Set<Path> others = new TreeSet<>();
        for (Path f : everything) others.add(f.toAbsolutePath().normalize());
        others.removeAll(seen);
        for (Path f : others) {
            Parsed p = parse(f, cwd);
            if (p == null) continue;
            for (TreeApp a : build(List.of(p), repo, locality, null).apps()) {
                boolean hosts = resolver.resolve(a).stream()
                        .filter(s -> inScope(s, top))
                        .anyMatch(s -> ArgoDirectory.objectFiles(s.dir(), a.directoryOptions(s.index()), bound).stream()
                                .anyMatch(x -> parsed.containsKey(x) && declaresApps(parsed.get(x))));
                if (hosts) {
                    seen.add(f);
                    parsed.put(f, p);
                    break;
                }
            }
        }
        ArgoCdSettings settings = new ArgoCdSettings();
        Built built = build(parsed.values(), repo, locality, settings);
        // Argo CD's settings count wherever the tree writes them (a ConfigMap, a patch, Helm values): Argo CD itself
        // is installed apart from the apps
        for (Path f : everything) {
            if (seen.contains(f.toAbsolutePath().normalize())) continue;
            Parsed p = parseSettings(f, cwd);
            if (p != null && !declaresApps(p)) for (YNode doc : p.docs()) settings.scan(doc, repo.display(f));
        }
        scanSettingsAbove(top, repo, settings, seen, cwd);
        if (built.apps().size() > MAX_APPS) {
            throw new InputException(
                    Location.of(top.toString()),
                    "the tree holds " + built.apps().size() + " Applications, more than " + MAX_APPS,
                    "validate the tree in parts (one directory per app of apps)");
        }
        return new Tree(top, repo, built.apps(), built.projects(), settings, built.notes(), built.appSets());
    }

    private record Built(
            List<TreeApp> apps, List<TreeProject> projects, List<Finding> notes, List<ApplicationSet> appSets) {}

    /** The Applications (ApplicationSets expanded), AppProjects and settings of the parsed files. */
    private static Built build(Collection<Parsed> parsed, RepoRoot repo, Locality locality, ArgoCdSettings settings) {
        List<TreeApp> apps = new ArrayList<>();
        List<TreeProject> projects = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        List<ApplicationSet> appSets = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<AppSetExpander.Cluster> clusters = new ArrayList<>(locality.clusters());
        for (Parsed p : parsed)
            for (YNode doc : p.docs()) AppSetExpander.clusterSecret(doc).ifPresent(clusters::add);
        AppSetExpander expander = new AppSetExpander(repo, locality.sources(), locality.repoUrl(), clusters);
        for (Parsed p : parsed) {
            String shown = repo.display(p.file());
            for (YNode doc : p.docs()) {
                if (settings != null) settings.scan(doc, shown);
                GroupKind kind = ArgoReader.kindOf(doc);
                if (kind.equals(ArgoCd.APPLICATION)) {
                    apps.add(app((YMap) doc, p.file(), shown, null, names));
                } else if (kind.equals(ArgoCd.APPLICATION_SET)) {
                    ApplicationSet read = ArgoReader.applicationSet(doc, shown);
                    appSets.add(read);
                    String set = read.name();
                    AppSetExpander.Expansion e = expander.expand((YMap) doc, shown);
                    for (YMap generated : e.apps()) apps.add(app(generated, p.file(), shown, set, names));
                    notes.addAll(e.unverified());
                } else if (kind.equals(ArgoCd.APP_PROJECT)) {
                    projects.add(new TreeProject(ArgoReader.appProject(doc, shown), (YMap) doc));
                }
            }
        }
        return new Built(apps, projects, notes, appSets);
    }

    private static boolean declaresApps(Parsed p) {
        return p.docs().stream()
                .map(ArgoReader::kindOf)
                .anyMatch(k -> k.equals(ArgoCd.APPLICATION) || k.equals(ArgoCd.APPLICATION_SET));
    }

    /** Sources followed while reading: in the repository, and inside the tree's directory or containing it. */
    private static boolean inScope(ResolvedSource s, Path top) {
        return (s.kind() == ResolvedSource.Kind.KUSTOMIZE || s.kind() == ResolvedSource.Kind.DIRECTORY)
                && s.dir() != null
                && (s.dir().startsWith(top) || top.startsWith(s.dir()));
    }

    /** Reads the files not read yet; one outside the repository (or linking out of it) is not read at all. */
    private static void readAll(
            Set<Path> files, Set<Path> seen, Map<Path, Parsed> parsed, Path cwd, ReadBoundary bound) {
        for (Path f : files) {
            if (!seen.add(f) || !bound.contains(f)) continue;
            if (seen.size() > MAX_FILES) {
                throw new InputException(
                        Location.of(f.toString()),
                        "the tree reaches more than " + MAX_FILES + " YAML files",
                        "point kfboot at the directory of the Applications, not a whole repository");
            }
            Parsed p = parse(f, cwd);
            if (p != null) parsed.put(f, p);
        }
    }

    /**
     * Argo CD settings written beside the tree's directory or in a directory above it inside the repository (an
     * environment's directory sees the base's argocd-cm patch): the YAML files directly in each such directory.
     */
    private static void scanSettingsAbove(Path top, RepoRoot repo, ArgoCdSettings settings, Set<Path> seen, Path cwd) {
        if (settings.appHealthCheck() != null || !top.startsWith(repo.dir())) return;
        for (Path d = top.getParent(); d != null && d.startsWith(repo.dir()); d = d.getParent()) {
            for (Path f : ArgoDirectory.manifests(d, ArgoDirectory.Options.PLAIN)) {
                if (seen.contains(f)) continue;
                Parsed p = parseSettings(f, cwd);
                if (p == null) continue;
                for (YNode doc : p.docs()) if (!declaresApps(p)) settings.scan(doc, repo.display(f));
            }
            if (settings.appHealthCheck() != null) return;
        }
    }

    private static TreeApp app(YMap doc, Path file, String shown, String appSet, Map<String, Integer> names) {
        Application a = ArgoReader.application(doc, shown);
        String name = a.name() == null ? "(unnamed)" : a.name();
        int n = names.merge(name, 1, Integer::sum);
        return new TreeApp(n == 1 ? name : name + "#" + n, a, doc, file, appSet);
    }

    /**
     * YAML files under the directory that no kustomization hides: a file in (or below) a directory with a
     * kustomization counts only when that kustomization lists it as a resource.
     */
    private static Set<Path> unlisted(Path top, Set<Path> candidates, ReadBoundary bound) {
        Set<Path> out = new TreeSet<>();
        Map<Path, Set<Path>> listedBy = new HashMap<>();
        for (Path f : candidates) {
            boolean hidden = false;
            for (Path d = f.getParent(); d != null && d.startsWith(top); d = d.getParent()) {
                if (KustomizationClosure.kustomizationFile(d) == null) continue;
                Set<Path> listed = listedBy.computeIfAbsent(d, k -> ArgoDirectory.kustomizeResources(k, bound));
                hidden = !listed.contains(f.toAbsolutePath().normalize());
                break;
            }
            if (!hidden) out.add(f.toAbsolutePath().normalize());
        }
        return out;
    }

    /** YAML files under the directory (not in hidden, build or Helm template directories). */
    private static Set<Path> candidates(Path top) {
        Set<Path> out = new TreeSet<>();
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String n = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(top) && (SKIPPED_DIRS.contains(n) || n.startsWith(".")))
                        return FileVisitResult.SKIP_SUBTREE;
                    // Helm templates are not YAML until rendered
                    if (n.equals("templates") && Files.isRegularFile(d.resolveSibling("Chart.yaml")))
                        return FileVisitResult.SKIP_SUBTREE;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    // symbolic links are not followed: a link cannot loop the walk or read outside the tree
                    if (attrs.isRegularFile() && isYaml(f)) out.add(f);
                    if (out.size() > MAX_FILES) {
                        throw new InputException(
                                Location.of(top.toString()),
                                "the tree holds more than " + MAX_FILES + " YAML files",
                                "point kfboot at the directory of the Applications, not a whole repository");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isYaml(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /**
     * The file's documents when it may hold Argo CD objects or settings; null when it cannot. The size is checked
     * before the file is read, and a file that declares an Argo CD object but is too large or not UTF-8 is an
     * error on that file (skipping it would drop its Applications from validation without a word).
     */
    private static Parsed parse(Path file, Path cwd) {
        String text;
        try {
            long size = Files.size(file);
            if (size > YamlLimits.USER.maxFileBytes()) {
                return declaresArgo(head(file)) ? readStrict(file, cwd) : null;
            }
            byte[] bytes = Files.readAllBytes(file);
            // every marker below is ASCII and holds "argo" or the settings' key, and no byte of a multi-byte UTF-8
            // character is ASCII: most files an app reads (a component's CRDs and Deployments) are ruled out from
            // their bytes, one pass each, without being decoded
            String bytesAsChars = new String(bytes, StandardCharsets.ISO_8859_1);
            if (!bytesAsChars.contains("argo") && !bytesAsChars.contains(ArgoCdSettings.OLD_STYLE)) return null;
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return declaresArgo(head(file)) ? readStrict(file, cwd) : null;
        } catch (IOException e) {
            return null; // unreadable: the strict reader below would say so if it mattered
        }
        boolean declaresArgo = declaresArgo(text);
        if (!declaresArgo
                && !text.contains("argocd-cm")
                && !text.contains(ArgoCd.APP_HEALTH_KEY)
                && !text.contains(AppSetExpander.CLUSTER_SECRET_LABEL)
                && !text.contains(ArgoCdSettings.OLD_STYLE)) return null;
        try {
            return readStrict(file, cwd);
        } catch (InputException e) {
            if (declaresArgo) throw e;
            return null;
        }
    }

    /** A file above the tree, read only for its Argo CD settings: one that does not parse is skipped. */
    private static Parsed parseSettings(Path file, Path cwd) {
        try {
            if (Files.size(file) > YamlLimits.USER.maxFileBytes()) return null;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains("argocd-cm")
                    && !text.contains(ArgoCd.APP_HEALTH_KEY)
                    && !text.contains(ArgoCdSettings.OLD_STYLE)) return null;
            return readStrict(file, cwd);
        } catch (IOException | InputException e) {
            return null;
        }
    }

    private static boolean declaresArgo(String text) {
        return text.contains("argoproj.io/") && ARGO_KIND.matcher(text).find();
    }

    /** The file's first megabyte, undecodable bytes replaced: enough to see what it declares. */
    private static String head(Path file) {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads with the strict reader, which refuses the file with its own message (size, encoding, line). */
    private static Parsed readStrict(Path file, Path cwd) {
        return new Parsed(file, YamlReader.forUserFiles().readAll(file, shownToUser(file, cwd)));
    }

    /** A path as the user can find it from the working directory. */
    static String shownToUser(Path file, Path cwd) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
