package dev.kfboot.render;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kfboot.files.AtomicFiles;
import dev.kfboot.files.Directories;
import dev.kfboot.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A content-addressed cache in front of a {@link RenderRunner}. A unit's key hashes everything its render
 * depends on: the kustomize version, the unit's paths and Components, every file its kustomizations read
 * (found by {@link KustomizationClosure}, keyed by path relative to the unit's root and content), and for
 * remote bases the remote cache's index and the content they resolve to. So a change anywhere re-renders
 * exactly the units that read it, and a copy of the same tree elsewhere hits the same entries.
 *
 * <p>Only successful renders are stored. An entry is a header line (format, key, fingerprint and length of the
 * payload) and the documents as JSON, written to a temporary file and moved into place atomically; an entry
 * whose checksum or length does not match is a miss and is deleted, so a half-written entry is never read back.
 */
public final class RenderCache implements RenderRunner {

    static final String FORMAT = "kfboot-render-cache 3";
    private static final ObjectMapper JSON = Json.mapper(); // one mapper: one cache of (de)serializers to warm up
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

    /** What the last runs did: units served from the cache, rendered, and stored. */
    public record Stats(int hits, int misses, int stored) {}

    /** Whether every unit of the runs so far had a key, and every file it reads lies under its root. */
    private final AtomicBoolean confined = new AtomicBoolean(true);

    private final RenderRunner delegate;
    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();
    private final List<CompletableFuture<Void>> storing = new ArrayList<>();

    public RenderCache(RenderRunner delegate, Path dir) {
        this.delegate = delegate;
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Whether every unit rendered through this cache had a key and reads only files under its root (the repository
     * or a source checkout) and the remote cache: then those directories are all the render read.
     */
    public boolean confined() {
        return confined.get();
    }

    /** Waits for the entries still being written. */
    public Stats stats() {
        List<CompletableFuture<Void>> writes;
        synchronized (storing) {
            writes = new ArrayList<>(storing);
        }
        writes.forEach(CompletableFuture::join);
        return new Stats(hits.get(), misses.get(), stored.get());
    }

    @Override
    public Rendering.Result run(List<RenderUnit> units, RenderOptions options, Consumer<Rendered> progress) {
        KustomizeTool tool = options.toolOrDetect(dir);
        RemoteCache remote = options.remoteCache() == null ? null : RemoteCache.load(options.remoteCache());
        Directories.makePrivate(dir); // the cache holds what the trees render: its owner's alone (0700)
        FileHashes hashes = FileHashes.load(dir.resolve("files.idx"));
        Map<Path, Map<String, Object>> parsed = new ConcurrentHashMap<>();
        List<String> keys = units.parallelStream()
                .map(u -> key(u, tool, remote, hashes, parsed, () -> confined.set(false)))
                .toList();
        if (keys.contains(null)) confined.set(false);
        // units without an entry start rendering at once; the cached entries load while they render
        Map<RenderUnit, String> keyOf = new HashMap<>();
        List<RenderUnit> absent = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            keyOf.put(units.get(i), keys.get(i));
            if (keys.get(i) != null && Files.isRegularFile(entry(keys.get(i)))) present.add(i);
            else absent.add(units.get(i));
        }
        // each render is stored as it completes, while the next ones still run (and at the end, for a renderer
        // that reports no progress)
        Set<RenderUnit> handled = ConcurrentHashMap.newKeySet();
        Consumer<Rendered> storing = r -> {
            if (handled.add(r.unit())) storeIfOk(r, keyOf.get(r.unit()));
            progress.accept(r);
        };
        RenderOptions withTool = options.withTool(tool);
        CompletableFuture<List<Rendered>> early = absent.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : Background.start(
                        "kfboot-render-misses",
                        () -> delegate.run(absent, withTool, storing).rendered());
        List<Rendered> cached = present.parallelStream()
                .map(i -> load(keys.get(i), units.get(i)))
                .toList();
        hashes.save();
        Map<RenderUnit, Rendered> done = new HashMap<>();
        List<RenderUnit> damaged = new ArrayList<>();
        for (int j = 0; j < present.size(); j++) {
            RenderUnit u = units.get(present.get(j));
            if (cached.get(j) == null) {
                damaged.add(u);
            } else {
                hits.incrementAndGet();
                progress.accept(cached.get(j));
                done.put(u, cached.get(j));
            }
        }
        misses.addAndGet(absent.size() + damaged.size());
        List<Rendered> rendered = new ArrayList<>(Background.join(early));
        if (!damaged.isEmpty())
            rendered.addAll(delegate.run(damaged, withTool, storing).rendered());
        for (Rendered r : rendered) {
            if (handled.add(r.unit())) storeIfOk(r, keyOf.get(r.unit()));
            done.put(r.unit(), r);
        }
        List<Rendered> ordered = new ArrayList<>();
        for (RenderUnit u : units) ordered.add(done.get(u));
        return new Rendering.Result(ordered, tool.version());
    }

    /**
     * Writes the entry on a thread of its own: the caller goes on with the documents (after the last render, the
     * analysis runs while the entry is written). {@link #stats()} waits for the writes.
     */
    private void storeIfOk(Rendered r, String key) {
        if (!r.ok() || key == null) return;
        CompletableFuture<Void> write = Background.start("kfboot-cache-store", () -> {
            if (store(key, r)) stored.incrementAndGet();
            return null;
        });
        synchronized (storing) {
            storing.add(write);
        }
    }

    /** The unit's key, or null when its input cannot be pinned down (a remote base fetched from the network). */
    static String key(
            RenderUnit unit,
            KustomizeTool tool,
            RemoteCache remote,
            FileHashes hashes,
            Map<Path, Map<String, Object>> parsed) {
        return key(unit, tool, remote, hashes, parsed, () -> {});
    }

    /** @param outside told when a file the unit reads lies outside its root */
    private static String key(
            RenderUnit unit,
            KustomizeTool tool,
            RemoteCache remote,
            FileHashes hashes,
            Map<Path, Map<String, Object>> parsed,
            Runnable outside) {
        Path root = unit.root().toAbsolutePath().normalize();
        StringBuilder k = new StringBuilder(FORMAT).append('\n');
        k.append("kustomize ")
                .append(tool.version())
                .append(' ')
                .append(String.join(" ", tool.command()))
                .append('\n');
        if ("unknown".equals(tool.version()))
            k.append("binary ").append(binaryStamp(tool)).append('\n');
        List<Path> starts = new ArrayList<>();
        for (String p : unit.paths()) {
            k.append("path ").append(p).append('\n');
            starts.add(root.resolve(p).normalize());
        }
        for (String c : unit.components()) {
            k.append("component ").append(c).append('\n');
            starts.add(root.resolve(c).normalize());
        }
        // Argo CD's kustomize options (patch files inline): a change to them renders the unit again
        if (!unit.kustomize().isEmpty())
            k.append("kustomize-options ").append(unit.kustomize().key()).append('\n');
        KustomizationClosure closure = KustomizationClosure.walk(starts, parsed, root);
        // a unit that reads outside its root is refused when rendered; its key must not read there either
        for (String refused : closure.outside())
            k.append("refused ").append(refused).append('\n');
        for (Path f : closure.filesToCopy()) {
            if (!f.startsWith(root)) outside.run();
            String shown = f.startsWith(root) ? root.relativize(f).toString() : f.toString();
            k.append("file ").append(shown).append(' ').append(hashes.of(f)).append('\n');
        }
        if (!closure.remoteUrls().isEmpty()) {
            if (remote == null) return null;
            k.append("remote-index ")
                    .append(hashes.of(remote.dir().resolve("INDEX.tsv")))
                    .append('\n');
            for (String url : closure.remoteUrls()) {
                var resolved = remote.resolve(url);
                if (resolved.isEmpty()) return null;
                k.append("remote ").append(url).append('\n');
                Set<Path> files = new TreeSet<>();
                if (!ReadBoundary.of(remote.dir()).contains(resolved.get().local()))
                    return null; // refused when rendered
                if (resolved.get().isFile()) files.add(resolved.get().local());
                else
                    files.addAll(
                            KustomizationClosure.walk(List.of(resolved.get().local()), parsed, remote.dir())
                                    .filesToCopy());
                for (Path f : files) {
                    k.append("remote-file ")
                            .append(remote.dir().relativize(f))
                            .append(' ')
                            .append(hashes.of(f))
                            .append('\n');
                }
            }
        }
        return FileHashes.sha256(k.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String binaryStamp(KustomizeTool tool) {
        try {
            Path bin = Path.of(tool.command().get(0));
            return Files.size(bin) + "@" + Files.getLastModifiedTime(bin).toMillis();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    Path entry(String key) {
        return dir.resolve("render").resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The cached render of {@code unit}, or null when absent or damaged (a damaged entry is deleted). */
    Rendered load(String key, RenderUnit unit) {
        Path file = entry(key);
        if (!Files.isRegularFile(file)) return null;
        long start = System.nanoTime();
        try {
            byte[] all = Files.readAllBytes(file);
            int nl = 0;
            while (nl < all.length && all[nl] != '\n') nl++;
            String[] header = new String(all, 0, Math.min(nl, all.length), StandardCharsets.UTF_8).split(" ");
            int payloadStart = nl + 1;
            if (nl >= all.length
                    || header.length != 5
                    || !(header[0] + " " + header[1]).equals(FORMAT)
                    || !header[2].equals(key)
                    || Long.parseLong(header[4]) != all.length - payloadStart
                    || !header[3].equals(FileHashes.fingerprint(all, payloadStart, all.length - payloadStart))) {
                Files.deleteIfExists(file);
                return null;
            }
            Map<String, Object> payload = JSON.readValue(all, payloadStart, all.length - payloadStart, PAYLOAD);
            List<Map<String, Object>> docs = castDocs(payload.get("documents"));
            List<String> urls = new ArrayList<>();
            if (payload.get("remoteUrls") instanceof List<?> l) for (Object o : l) urls.add(String.valueOf(o));
            return new Rendered(unit, docs, null, urls, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an entry that cannot be deleted is read as a miss next time too
            }
            return null;
        }
    }

    /** Writes an entry through a temporary file and an atomic move; false when the cache is not writable. */
    boolean store(String key, Rendered r) {
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("remoteUrls", r.remoteUrls());
            // Secret values never reach the disk: the rules need keys and "is it set", adopt only "the same bytes"
            payload.put("documents", SecretRedaction.redact(r.documents()));
            byte[] body = JSON.writeValueAsBytes(payload);
            byte[] head = (FORMAT + " " + key + " " + FileHashes.fingerprint(body, 0, body.length) + " " + body.length
                            + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            AtomicFiles.writePrivate(entry(key), head, body);
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // a cache that cannot be written only makes the next run slower
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castDocs(Object o) {
        if (!(o instanceof List<?> l)) throw new IllegalArgumentException("no documents");
        for (Object d : l) if (!(d instanceof Map)) throw new IllegalArgumentException("a document is not a mapping");
        return (List<Map<String, Object>>) l;
    }
}
