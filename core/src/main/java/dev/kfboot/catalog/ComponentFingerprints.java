package dev.kfboot.catalog;

import dev.kfboot.render.FileHashes;
import dev.kfboot.render.KustomizationClosure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a component's manifests are, as one SHA-256 over every file its variants' kustomizations read (the closure
 * kustomize would copy into a workspace, read inside the tree only), each by its path relative to the tree and the
 * 128-bit MurmurHash3 of its content (the render cache's file fingerprint: it tells edits apart, fast).
 * {@code catalog scan} records one per component of a release; a tree whose components hash the same holds that
 * release's manifests byte for byte, whatever its git history says, so its committed facts describe the tree.
 *
 * <p>One instance hashes each file once, so the components of several releases can be compared in one pass.
 */
public final class ComponentFingerprints {

    /** A file this large is no release's manifest: it gets a mark that matches nothing instead of being read. */
    private static final long FILE_LIMIT = 64L << 20;

    private final Path root;
    private final Map<Path, Map<String, Object>> parsed = new ConcurrentHashMap<>();
    private final Map<Path, String> hashes = new ConcurrentHashMap<>();

    public ComponentFingerprints(Path tree) {
        this.root = tree.toAbsolutePath().normalize();
    }

    /** Each component's fingerprint, by id; a component whose paths the tree lacks has none. */
    public Map<String, String> of(List<Component> components) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Component c : components) {
            String print = of(c);
            if (print != null) out.put(c.id(), print);
        }
        return out;
    }

    /** The component's fingerprint, or null when one of its variants' paths is not a directory of the tree. */
    public String of(Component component) {
        StringBuilder k = new StringBuilder();
        for (Variant v : component.variants()) {
            List<Path> starts = new ArrayList<>();
            for (String p : v.paths()) starts.add(root.resolve(p).normalize());
            for (String p : v.components()) starts.add(root.resolve(p).normalize());
            if (!starts.stream().allMatch(p -> p.startsWith(root) && Files.isDirectory(p))) return null;
            k.append("variant ").append(v.name()).append('\n');
            KustomizationClosure closure = KustomizationClosure.walk(starts, parsed, root);
            for (String refused : closure.outside())
                k.append("refused ").append(refused).append('\n');
            for (Path f : closure.filesToCopy()) {
                if (!f.startsWith(root)) continue;
                k.append("file ")
                        .append(root.relativize(f))
                        .append(' ')
                        .append(hashes.computeIfAbsent(f, ComponentFingerprints::fileHash))
                        .append('\n');
            }
        }
        return FileHashes.sha256(k.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** MurmurHash3's 128 bits of the file, as the render cache fingerprints files: fast, for telling edits apart. */
    private static String fileHash(Path file) {
        try {
            if (Files.size(file) > FILE_LIMIT) return "over-limit";
            return FileHashes.fingerprint(Files.readAllBytes(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
