package dev.kfboot.validate;

import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.render.ReadBoundary;
import dev.kfboot.render.RemoteCache;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which files a source directory deploys objects from, the way Argo CD reads it: with a kustomization, only the
 * files its {@code resources} (and {@code bases}, {@code crds}, and its components' resources) list, through
 * listed directories' own kustomizations (patches, generator inputs and unlisted files are not objects);
 * without one, the {@code .yaml}, {@code .yml} and {@code .json} files of the directory, below it only with
 * {@code directory.recurse}, filtered by {@code directory.include} / {@code exclude} (globs on the path
 * relative to the source directory, {@code {a,b}} alternatives allowed), and the {@code .jsonnet} files Argo CD
 * evaluates there, which kfboot does not.
 */
public final class ArgoDirectory {

    private static final List<String> OBJECT_FIELDS = List.of("resources", "bases", "crds", "components");

    /**
     * @param recurse {@code directory.recurse}
     * @param include {@code directory.include}, or null
     * @param exclude {@code directory.exclude}, or null
     */
    public record Options(boolean recurse, String include, String exclude) {

        public static final Options PLAIN = new Options(false, null, null);

        boolean accepts(Path relative) {
            String rel = relative.toString().replace('\\', '/');
            if (include != null && !include.isBlank() && !matches(include, rel)) return false;
            return exclude == null || exclude.isBlank() || !matches(exclude, rel);
        }

        private static boolean matches(String glob, String rel) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob.trim());
            Path p = Path.of(rel);
            // Argo CD matches the pattern against the relative path; a pattern without a slash also matches the name
            return m.matches(p) || !glob.contains("/") && m.matches(p.getFileName());
        }
    }

    private ArgoDirectory() {}

    /**
     * The files whose objects Argo CD deploys from {@code dir}, absolute and normalized, in name order; a
     * kustomization outside {@code bound} (the repository or checkout) is not read.
     */
    public static Set<Path> objectFiles(Path dir, Options options, ReadBoundary bound) {
        Path top = dir.toAbsolutePath().normalize();
        if (KustomizationClosure.kustomizationFile(top) != null) return kustomizeResources(top, bound);
        return manifests(top, options);
    }

    /** The plain-directory reading: YAML and JSON files, in name order. */
    public static Set<Path> manifests(Path dir, Options options) {
        return files(dir, options, ArgoDirectory::isManifest);
    }

    /** The Jsonnet files ({@code *.jsonnet}) Argo CD evaluates in a plain directory, in name order. */
    static Set<Path> jsonnet(Path dir, Options options) {
        return files(dir, options, f -> f.getFileName().toString().endsWith(".jsonnet"));
    }

    private static Set<Path> files(Path dir, Options options, Predicate<Path> kind) {
        Set<Path> out = new TreeSet<>();
        try (Stream<Path> files = options.recurse() ? Files.walk(dir) : Files.list(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(kind)
                    .filter(f -> options.accepts(dir.relativize(f)))
                    .forEach(f -> out.add(f.toAbsolutePath().normalize()));
        } catch (IOException e) {
            return out; // an unreadable directory is reported when it is rendered
        }
        return out;
    }

    /**
     * Files listed as resources, through the kustomizations of listed directories; an entry that leaves
     * {@code bound} (or links out of it) is neither listed nor followed.
     */
    static Set<Path> kustomizeResources(Path dir, ReadBoundary bound) {
        Set<Path> out = new TreeSet<>();
        Set<Path> seen = new HashSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        todo.add(dir);
        while (!todo.isEmpty()) {
            Path d = todo.pop();
            if (!seen.add(d)) continue;
            Path kfile = KustomizationClosure.kustomizationFile(d);
            if (kfile == null) continue;
            for (String entry : resources(kfile)) {
                if (RemoteCache.isRemote(entry)) continue;
                Path target = d.resolve(entry).normalize();
                if (!bound.contains(target)) continue;
                if (Files.isDirectory(target)) todo.push(target);
                else if (Files.isRegularFile(target))
                    out.add(target.toAbsolutePath().normalize());
            }
        }
        return out;
    }

    private static List<String> resources(Path kfile) {
        Map<String, Object> k;
        try {
            List<Map<String, Object>> docs = RenderedYaml.parse(Files.readString(kfile, StandardCharsets.UTF_8));
            k = docs.isEmpty() ? Map.of() : docs.get(0);
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String field : OBJECT_FIELDS) {
            if (k.get(field) instanceof List<?> l) {
                for (Object o : l) if (o instanceof String s && !s.contains("\n")) out.add(s.trim());
            }
        }
        return out;
    }

    static boolean isManifest(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}
