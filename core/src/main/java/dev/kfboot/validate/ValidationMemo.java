package dev.kfboot.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kfboot.files.AtomicFiles;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;
import dev.kfboot.render.KustomizeTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole validations remembered beside the render cache, so a run with nothing changed costs the JVM's start and a
 * stat of the inputs' files. The key covers everything a run reads: the kfboot build, the request, the working
 * directory (findings name files relative to it), the kustomize that renders, and the path, size, modification time
 * and inode of every file under the repository root, the tree, the {@code --source} checkouts and the remote cache
 * ({@code .git} left out but for its config, which names origin). A run stores its result only when the render
 * cache could key every app and every file its kustomizations read lies under those roots, nothing failed to render,
 * and no file changed within two seconds of the snapshot (a write in the same clock tick could leave the time
 * unchanged); anything else (a symbolic link, no git top-level and no --repo-root, more than {@value #MAX_FILES}
 * files) is simply validated. A recalled validation has no context: it is for printing.
 */
public final class ValidationMemo {

    static final String DIR = "validations";
    private static final String FORMAT = "kfboot-validation 2";
    private static final int MAX_FILES = 50_000;
    private static final int KEPT = 32;
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final ObjectMapper JSON = Json.mapper();

    /** What a remembered validation holds. */
    private record Stored(
            String repoDir,
            String originUrl,
            String how,
            List<Finding> findings,
            int apps,
            int parents,
            int objects,
            int renders,
            List<Suppressions.Suppressed> suppressed,
            Map<String, String> unverified) {}

    /** The inputs as they are now: the key, and whether they are old enough to remember a result by. */
    record Snapshot(String key, boolean settled) {}

    private final Path dir;

    /** @param cacheDir the render cache's directory */
    public ValidationMemo(Path cacheDir) {
        this.dir = cacheDir.resolve(DIR);
    }

    /**
     * The snapshot of what the request reads, or empty when it cannot be taken soundly.
     *
     * @param build identifies the kfboot build (its jar's path, size and time)
     */
    Optional<Snapshot> snapshot(ValidateRequest request, String build, KustomizeTool tool) {
        Optional<RepoRoot> repo = RepoRoot.explicitOrGit(request.dir(), request.repoRoot());
        if (repo.isEmpty()) return Optional.empty();
        StringBuilder k = new StringBuilder(FORMAT).append('\n');
        k.append("build ").append(build).append('\n');
        k.append("cwd ").append(Path.of("").toAbsolutePath()).append('\n');
        k.append("dir ").append(request.dir().toAbsolutePath().normalize()).append('\n');
        k.append("repo-root ").append(request.repoRoot()).append('\n');
        k.append("release ").append(request.release()).append('\n');
        k.append("remote-cache ").append(request.render().remoteCache()).append('\n');
        k.append("cache ")
                .append(request.cacheDir().toAbsolutePath().normalize())
                .append('\n');
        k.append("kustomize ")
                .append(tool.version())
                .append(' ')
                .append(String.join(" ", tool.command()))
                .append('\n');
        ValidateOptions o = request.options();
        k.append("repo-url ").append(o.repoUrl()).append('\n');
        k.append("helm-cache ").append(o.helmCache()).append('\n');
        k.append("clusters ").append(o.clusters()).append('\n');
        k.append("argocd-namespace ").append(o.argocdNamespace()).append('\n');
        k.append("disabled ").append(new TreeSet<>(o.disabled())).append('\n'); // Set.copyOf's order varies per JVM
        k.append("enabled ").append(new TreeSet<>(o.enabled())).append('\n');
        new TreeMap<>(request.sources())
                .forEach((url, d) -> k.append("source ")
                        .append(url)
                        .append(' ')
                        .append(d.toAbsolutePath().normalize())
                        .append('\n'));
        TreeSet<Path> roots = new TreeSet<>();
        roots.add(repo.get().dir());
        roots.add(request.dir().toAbsolutePath().normalize());
        for (Path d : request.sources().values()) roots.add(d.toAbsolutePath().normalize());
        if (o.helmCache() != null) roots.add(o.helmCache().toAbsolutePath().normalize());
        if (request.render().remoteCache() != null)
            roots.add(request.render().remoteCache().toAbsolutePath().normalize());
        Path cache = request.cacheDir().toAbsolutePath().normalize();
        long newest = 0;
        int files = 0;
        for (Path root : roots) {
            Stat stat = new Stat(k, cache);
            try {
                Files.walkFileTree(root, stat);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
            if (stat.unsound) return Optional.empty();
            newest = Math.max(newest, stat.newest);
            files += stat.files;
            if (files > MAX_FILES) return Optional.empty();
        }
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        return Optional.of(new Snapshot(sha256(k.toString()), newest < now - RACY_NANOS));
    }

    /** The validation remembered for the snapshot, without context; empty when none (or it cannot be read). */
    Optional<Validation> recall(Snapshot s) {
        Path file = dir.resolve(s.key() + ".json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Stored st = JSON.readValue(file.toFile(), Stored.class);
            RepoRoot repo = new RepoRoot(Path.of(st.repoDir()), st.originUrl(), st.how());
            return Optional.of(new Validation(
                    repo,
                    st.findings(),
                    st.apps(),
                    st.parents(),
                    st.objects(),
                    0,
                    st.renders(),
                    null,
                    st.suppressed(),
                    st.unverified()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged: validated again and written over
        }
    }

    /** Remembers the validation under the snapshot's key (a failure to write only costs the next run its speed). */
    void remember(Snapshot s, Validation v) {
        if (!s.settled()) return;
        Stored st = new Stored(
                v.repo().dir().toString(),
                v.repo().originUrl(),
                v.repo().how(),
                v.findings(),
                v.apps(),
                v.parents(),
                v.objects(),
                v.rendered() + v.cached(),
                v.suppressed(),
                v.unverified());
        try {
            // what the tree holds is its owner's alone, as in the render cache
            AtomicFiles.writePrivate(dir.resolve(s.key() + ".json"), JSON.writeValueAsBytes(st));
            prune();
        } catch (IOException | RuntimeException e) {
            // the next run validates again
        }
    }

    /** Keeps the {@value #KEPT} newest results. */
    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = new ArrayList<>(
                    s.filter(p -> p.getFileName().toString().endsWith(".json")).toList());
        }
        if (all.size() <= KEPT) return;
        Map<Path, Long> time = new TreeMap<>();
        for (Path p : all) time.put(p, Files.getLastModifiedTime(p).toMillis());
        all.sort((a, b) -> Long.compare(time.get(b), time.get(a)));
        for (Path p : all.subList(KEPT, all.size())) Files.deleteIfExists(p);
    }

    /** Appends one line per file (path, size, time, inode); a symbolic link makes the snapshot unsound. */
    private static final class Stat extends SimpleFileVisitor<Path> {
        private final StringBuilder out;
        private final Path cache;
        boolean unsound;
        long newest;
        int files;

        Stat(StringBuilder out, Path cache) {
            this.out = out;
            this.cache = cache;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
            if (d.equals(cache)) return FileVisitResult.SKIP_SUBTREE;
            if (d.getFileName() != null && d.getFileName().toString().equals(".git")) {
                line(d.resolve("config"));
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
            if (a.isSymbolicLink() || a.isOther()) {
                unsound = true;
                return FileVisitResult.TERMINATE;
            }
            add(f, a);
            return ++files > MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
            unsound = true;
            return FileVisitResult.TERMINATE;
        }

        private void line(Path f) {
            try {
                add(f, Files.readAttributes(f, BasicFileAttributes.class));
            } catch (IOException e) {
                out.append("absent ").append(f).append('\n');
            }
        }

        private void add(Path f, BasicFileAttributes a) {
            long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            newest = Math.max(newest, mtime);
            out.append(f)
                    .append('\t')
                    .append(a.size())
                    .append('\t')
                    .append(mtime)
                    .append('\t')
                    .append(a.fileKey())
                    .append('\n');
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
