package dev.kfboot.validate;

import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.ArgoReader;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.KustomizationClosure;
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
import java.util.HashMap;
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

    private static final Pattern ARGO_KIND = Pattern.compile("(?m)^\\s*kind:\\s*[\"']?(Application|ApplicationSet|AppProject)\\b");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

    /** The most YAML files a tree may hold; beyond it kfboot stops rather than read a whole monorepo. */
    public static final int MAX_FILES = 20_000;
    /** The most Applications a tree may hold (ApplicationSets expanded). */
    public static final int MAX_APPS = 5_000;

    private record Parsed(Path file, List<YNode> docs) {}

    private TreeReader() {}

    /**
     * @param explicitRoot {@code --repo-root}, or null to find it; a file that does not parse is named relative to
     *                     the working directory
     */
    public static Tree read(Path dir, Path explicitRoot) {
        Path cwd = Path.of("").toAbsolutePath();
        Path top = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(top)) {
            throw new InputException(Location.of(dir.toString()), "not a directory",
                    "pass the directory that holds the Applications (or the kustomization aggregating them)");
        }
        // the root is known before anything is read: nothing outside it is (without git, it is the tree itself)
        RepoRoot repo = RepoRoot.explicitOrGit(top, explicitRoot).orElseGet(() -> RepoRoot.treeItself(top));
        List<Parsed> parsed = new ArrayList<>();
        Set<Path> seen = new TreeSet<>();
        for (Path f : candidates(top)) {
            seen.add(f);
            Parsed p = parse(f, cwd);
            if (p != null) parsed.add(p);
        }
        for (Path f : aggregated(top, repo.dir(), parsed)) {
            if (!seen.add(f)) continue;
            Parsed p = parse(f, cwd);
            if (p != null) parsed.add(p);
        }
        List<TreeApp> apps = new ArrayList<>();
        List<TreeProject> projects = new ArrayList<>();
        ArgoCdSettings settings = new ArgoCdSettings();
        Map<String, Integer> names = new HashMap<>();
        for (Parsed p : parsed) {
            String shown = repo.display(p.file());
            for (YNode doc : p.docs()) {
                settings.scan(doc, shown);
                GroupKind kind = ArgoReader.kindOf(doc);
                if (kind.equals(ArgoCd.APPLICATION)) {
                    apps.add(app((YMap) doc, p.file(), shown, null, names));
                } else if (kind.equals(ArgoCd.APPLICATION_SET)) {
                    String set = ArgoReader.applicationSet(doc, shown).name();
                    for (YMap generated : AppSetExpander.expand((YMap) doc)) {
                        apps.add(app(generated, p.file(), shown, set, names));
                    }
                } else if (kind.equals(ArgoCd.APP_PROJECT)) {
                    projects.add(new TreeProject(ArgoReader.appProject(doc, shown), (YMap) doc));
                }
            }
        }
        if (apps.size() > MAX_APPS) {
            throw new InputException(Location.of(top.toString()), "the tree holds " + apps.size() + " Applications, more than "
                    + MAX_APPS, "validate the tree in parts (one directory per app of apps)");
        }
        return new Tree(top, repo, apps, projects, settings);
    }

    private static TreeApp app(YMap doc, Path file, String shown, String appSet, Map<String, Integer> names) {
        Application a = ArgoReader.application(doc, shown);
        String name = a.name() == null ? "(unnamed)" : a.name();
        int n = names.merge(name, 1, Integer::sum);
        return new TreeApp(n == 1 ? name : name + "#" + n, a, doc, file, appSet);
    }

    /**
     * Files that kustomizations aggregate from elsewhere: those at the top of the tree or next to its Argo CD
     * files ({@code apps/kustomization.yaml} listing {@code ../shared/app.yaml}).
     */
    private static Set<Path> aggregated(Path top, Path repoDir, List<Parsed> parsed) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(top);
        for (Parsed p : parsed) {
            Path d = p.file().getParent();
            if (!dirs.contains(d) && KustomizationClosure.kustomizationFile(d) != null) dirs.add(d);
        }
        Set<Path> out = new TreeSet<>();
        for (Path f : KustomizationClosure.walk(dirs, repoDir).files()) if (isYaml(f)) out.add(f.toAbsolutePath().normalize());
        return out;
    }

    /** YAML files under the directory. */
    private static Set<Path> candidates(Path top) {
        Set<Path> out = new TreeSet<>();
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String n = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(top) && (SKIPPED_DIRS.contains(n) || n.startsWith("."))) return FileVisitResult.SKIP_SUBTREE;
                    // Helm templates are not YAML until rendered
                    if (n.equals("templates") && Files.isRegularFile(d.resolveSibling("Chart.yaml"))) return FileVisitResult.SKIP_SUBTREE;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    // symbolic links are not followed: a link cannot loop the walk or read outside the tree
                    if (attrs.isRegularFile() && isYaml(f)) out.add(f);
                    if (out.size() > MAX_FILES) {
                        throw new InputException(Location.of(top.toString()), "the tree holds more than " + MAX_FILES
                                + " YAML files", "point kfboot at the directory of the Applications, not a whole repository");
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
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return declaresArgo(head(file)) ? readStrict(file, cwd) : null;
        } catch (IOException e) {
            return null; // unreadable: the strict reader below would say so if it mattered
        }
        boolean declaresArgo = declaresArgo(text);
        if (!declaresArgo && !text.contains("argocd-cm") && !text.contains(ArgoCd.APP_HEALTH_KEY)) return null;
        try {
            return readStrict(file, cwd);
        } catch (InputException e) {
            if (declaresArgo) throw e;
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
