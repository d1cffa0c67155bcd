package dev.kfboot.validate;

import dev.kfboot.argocd.AppSource;
import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.ArgoReader;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        List<Parsed> parsed = new ArrayList<>();
        Set<Path> seen = new TreeSet<>();
        for (Path f : candidates(top)) {
            seen.add(f);
            Parsed p = parse(f, cwd);
            if (p != null) parsed.add(p);
        }
        for (Path f : aggregated(top, parsed)) {
            if (!seen.add(f)) continue;
            Parsed p = parse(f, cwd);
            if (p != null) parsed.add(p);
        }
        RepoRoot repo = RepoRoot.explicitOrGit(top, explicitRoot)
                .orElseGet(() -> RepoRoot.bestAncestor(top, sourcePaths(parsed)));
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
    private static Set<Path> aggregated(Path top, List<Parsed> parsed) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(top);
        for (Parsed p : parsed) {
            Path d = p.file().getParent();
            if (!dirs.contains(d) && KustomizationClosure.kustomizationFile(d) != null) dirs.add(d);
        }
        Set<Path> out = new TreeSet<>();
        for (Path f : KustomizationClosure.walk(dirs).files()) if (isYaml(f)) out.add(f.toAbsolutePath().normalize());
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

    /** The file's documents when it may hold Argo CD objects or settings; null when it cannot. */
    private static Parsed parse(Path file, Path cwd) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // unreadable or not UTF-8: the strict reader below would say so if it mattered
        }
        boolean declaresArgo = text.contains("argoproj.io/") && ARGO_KIND.matcher(text).find();
        if (!declaresArgo && !text.contains("argocd-cm") && !text.contains(ArgoCd.APP_HEALTH_KEY)) return null;
        try {
            return new Parsed(file, YamlReader.forUserFiles().readAll(file, shownToUser(file, cwd)));
        } catch (InputException e) {
            if (declaresArgo) throw e;
            return null;
        }
    }

    private static List<String> sourcePaths(List<Parsed> parsed) {
        List<String> out = new ArrayList<>();
        for (Parsed p : parsed) {
            for (YNode doc : p.docs()) {
                if (!ArgoReader.kindOf(doc).equals(ArgoCd.APPLICATION)) continue;
                for (AppSource s : ArgoReader.application(doc, "").sources()) if (s.path() != null) out.add(s.path());
            }
        }
        return out;
    }

    /** A path as the user can find it from the working directory. */
    static String shownToUser(Path file, Path cwd) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
