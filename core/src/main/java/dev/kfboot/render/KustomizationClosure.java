package dev.kfboot.render;

import dev.kfboot.yaml.RenderedYaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 */
public record KustomizationClosure(Set<Path> dirs, Set<Path> files, Set<String> remoteUrls,
                                   Set<Path> kustomizationsWithRemotes) {

    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    public static KustomizationClosure walk(List<Path> startDirs) {
        return walk(startDirs, new HashMap<>());
    }

    /**
     * The same walk, reading each kustomization file through {@code parsed} (file to its parsed content), so
     * many walks over shared bases (a render cache keying every unit) parse each file once. Thread-safe when
     * {@code parsed} is.
     */
    public static KustomizationClosure walk(List<Path> startDirs, Map<Path, Map<String, Object>> parsed) {
        Set<Path> dirs = new TreeSet<>();
        Set<Path> real = new java.util.HashSet<>(); // symbolic links can make a directory reachable under endless names
        Set<Path> files = new TreeSet<>();
        Set<String> remotes = new TreeSet<>();
        Set<Path> withRemotes = new TreeSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (Path p : startDirs) todo.add(p.toAbsolutePath().normalize());
        while (!todo.isEmpty()) {
            Path dir = todo.pop();
            if (!real.add(realPath(dir)) || !dirs.add(dir)) continue;
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
                if (Files.isDirectory(target)) todo.push(target);
                else if (Files.isRegularFile(target)) files.add(target);
            }
        }
        return new KustomizationClosure(dirs, files, remotes, withRemotes);
    }

    /** Every regular file directly inside a closure directory, plus the named files: what a copy needs. */
    public Set<Path> filesToCopy() {
        Set<Path> out = new TreeSet<>(files);
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(Files::isRegularFile).forEach(out::add);
            } catch (IOException e) {
                // an unreadable directory fails the render itself, with kustomize's message
            }
        }
        return out;
    }

    /** The kustomization file of a directory, or null when it has none. */
    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            return dir;
        }
    }

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
        for (String field : List.of("resources", "bases", "components", "crds", "configurations",
                "patchesStrategicMerge", "generators", "transformers", "validators")) {
            for (Object o : list(k.get(field))) {
                if (o instanceof String s && !s.contains("\n")) out.add(s.trim());
            }
        }
        for (String field : List.of("patches", "patchesJson6902", "replacements")) {
            for (Object o : list(k.get(field))) {
                if (o instanceof Map<?, ?> m && m.get("path") instanceof String s) out.add(s);
            }
        }
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            for (Object o : list(k.get(field))) {
                if (!(o instanceof Map<?, ?> m)) continue;
                for (Object f : list(m.get("files"))) {
                    if (f instanceof String s) out.add(s.contains("=") ? s.substring(s.indexOf('=') + 1) : s);
                }
                for (Object f : list(m.get("envs"))) if (f instanceof String s) out.add(s);
                if (m.get("env") instanceof String s) out.add(s);
            }
        }
        if (k.get("openapi") instanceof Map<?, ?> m && m.get("path") instanceof String s) out.add(s);
        return out;
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
