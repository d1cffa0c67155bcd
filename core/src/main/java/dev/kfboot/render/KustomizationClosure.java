package dev.kfboot.render;

import dev.kfboot.model.Fields;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything a kustomization reads, found by walking its references without running kustomize: the
 * kustomization directories, the files they name (resources, patches, generator inputs, ...), and the
 * remote bases. Used to copy exactly what a render needs into a workspace and to key the render cache.
 *
 * @param dirs       kustomization directories reached, absolute and normalized
 * @param files      kustomization files and every file they name
 * @param remoteUrls remote references, as written
 * @param kustomizationsWithRemotes kustomization files that hold a remote reference
 * @param copies     every regular file directly inside a closure directory, plus the named files
 * @param outside    what a bounded walk refused to read, each naming the link or reference (empty when unbounded)
 */
public record KustomizationClosure(
        Set<Path> dirs,
        Set<Path> files,
        Set<String> remoteUrls,
        Set<Path> kustomizationsWithRemotes,
        Set<Path> copies,
        List<String> outside) {

    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    public static KustomizationClosure walk(List<Path> startDirs) {
        return walk(startDirs, new HashMap<>(), null);
    }

    /** A walk that reads nothing outside {@code boundary}; see {@link #walk(List, Map, Path)}. */
    public static KustomizationClosure walk(List<Path> startDirs, Path boundary) {
        return walk(startDirs, new HashMap<>(), boundary);
    }

    public static KustomizationClosure walk(List<Path> startDirs, Map<Path, Map<String, Object>> parsed) {
        return walk(startDirs, parsed, null);
    }

    /**
     * The same walk, reading each kustomization file through {@code parsed} (file to its parsed content), so
     * many walks over shared bases (a render cache keying every unit) parse each file once. Thread-safe when
     * {@code parsed} is.
     *
     * <p>With a {@code boundary} (the repository, a {@code --source} root or the remote cache) nothing outside it is
     * read, as Argo CD's repo server reads nothing outside the repository: an absolute path, a path that climbs
     * out, or a symbolic link whose real path leaves it is not followed and is listed in {@link #outside()}.
     */
    public static KustomizationClosure walk(
            List<Path> startDirs, Map<Path, Map<String, Object>> parsed, Path boundary) {
        ReadBoundary bound = boundary == null ? null : ReadBoundary.of(boundary);
        List<String> outside = new ArrayList<>();
        Set<Path> copies = new TreeSet<>();
        Set<Path> dirs = new TreeSet<>();
        Set<Path> real = new HashSet<>(); // symbolic links can make a directory reachable under endless names
        Set<Path> files = new TreeSet<>();
        Set<String> remotes = new TreeSet<>();
        Set<Path> withRemotes = new TreeSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (Path p : startDirs) {
            Path start = p.toAbsolutePath().normalize();
            String refused = bound == null ? null : bound.refusal(start, start.toString());
            if (refused == null) todo.add(start);
            else outside.add(refused);
        }
        while (!todo.isEmpty()) {
            Path dir = todo.pop();
            if (!real.add(realPath(dir)) || !dirs.add(dir)) continue;
            listFiles(dir, bound, copies, outside);
            Path kfile = kustomizationFile(dir);
            if (kfile == null) continue;
            files.add(kfile);
            Map<String, Object> k = parsed.computeIfAbsent(kfile, KustomizationClosure::parse);
            for (String entry : references(k)) {
                if (RemoteCache.isRemote(entry)) {
                    remotes.add(entry);
                    withRemotes.add(kfile);
                    continue;
                }
                Path target = dir.resolve(entry).normalize();
                if (bound != null) {
                    String refused = entry.startsWith("/")
                            ? bound.shown(kfile) + " names the absolute path " + entry
                                    + "; paths in a kustomization are relative to its directory"
                            : bound.refusal(target, bound.shown(kfile) + " names " + entry);
                    if (refused != null) {
                        outside.add(refused);
                        continue;
                    }
                }
                if (Files.isDirectory(target)) todo.push(target);
                else if (Files.isRegularFile(target)) files.add(target);
            }
        }
        copies.addAll(files);
        return new KustomizationClosure(dirs, files, remotes, withRemotes, copies, List.copyOf(new TreeSet<>(outside)));
    }

    /** The regular files directly in {@code dir}; links that leave the boundary are refused, not listed. */
    private static void listFiles(Path dir, ReadBoundary bound, Set<Path> copies, List<String> outside) {
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(f -> {
                if (bound != null && Files.isSymbolicLink(f)) {
                    String refused = bound.refusal(f, bound.shown(f));
                    if (refused != null) {
                        outside.add(refused);
                        return;
                    }
                }
                if (Files.isRegularFile(f)) copies.add(f);
            });
        } catch (IOException e) {
            // an unreadable directory fails the render itself, with kustomize's message
        }
    }

    /** Every regular file directly inside a closure directory, plus the named files: what a copy needs. */
    public Set<Path> filesToCopy() {
        return copies;
    }

    /** The Helm charts its kustomizations inflate ({@code helmCharts}), each as "name version", in file order. */
    public List<String> helmCharts() {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            if (!FILE_NAMES.contains(f.getFileName().toString())) continue;
            for (Object o : Fields.list(parse(f).get("helmCharts"))) {
                if (o instanceof Map<?, ?> m && m.get("name") != null) {
                    out.add(m.get("name") + (m.get("version") == null ? "" : " " + m.get("version")));
                }
            }
        }
        return out;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }

    /** The kustomization file of a directory, or null when it has none. */
    public static Path kustomizationFile(Path dir) {
        for (String name : FILE_NAMES) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    private static Map<String, Object> parse(Path file) {
        try {
            List<Map<String, Object>> docs = RenderedYaml.parse(Files.readString(file, StandardCharsets.UTF_8));
            return docs.isEmpty() ? Map.of() : docs.get(0);
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // kustomize reports the same file with its own message
        }
    }

    /** Paths and URLs named by a kustomization, from every field that reads a file or directory. */
    static List<String> references(Map<String, Object> k) {
        List<String> out = new ArrayList<>();
        for (String field : List.of(
                "resources",
                "bases",
                "components",
                "crds",
                "configurations",
                "patchesStrategicMerge",
                "generators",
                "transformers",
                "validators")) {
            for (Object o : Fields.list(k.get(field))) {
                if (o instanceof String s && !s.contains("\n")) out.add(s.trim());
            }
        }
        for (String field : List.of("patches", "patchesJson6902", "replacements")) {
            for (Object o : Fields.list(k.get(field))) {
                if (o instanceof Map<?, ?> m && m.get("path") instanceof String s) out.add(s);
            }
        }
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            for (Object o : Fields.list(k.get(field))) {
                if (!(o instanceof Map<?, ?> m)) continue;
                for (Object f : Fields.list(m.get("files"))) {
                    if (f instanceof String s) out.add(s.contains("=") ? s.substring(s.indexOf('=') + 1) : s);
                }
                for (Object f : Fields.list(m.get("envs"))) if (f instanceof String s) out.add(s);
                if (m.get("env") instanceof String s) out.add(s);
            }
        }
        if (k.get("openapi") instanceof Map<?, ?> m && m.get("path") instanceof String s) out.add(s);
        return out;
    }
}
