package dev.kfboot.render;

import dev.kfboot.files.Directories;
import dev.kfboot.yaml.RenderedYaml;
import dev.kfboot.yaml.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A temporary directory where renders that cannot run in place are prepared: copies of the kustomizations
 * that fetch remote bases, rewritten to the remote cache; a copy of its own for a unit with Argo CD's kustomize
 * options, its top kustomization edited as {@code kustomize edit} would; and wrapper kustomizations for units with
 * several paths or kustomize Components. The user's tree is only read. Deleted on close.
 */
public final class RenderWorkspace implements AutoCloseable {

    /**
     * Where kustomize should build a unit, and the remote bases it references.
     *
     * @param refused  reads outside the unit's root or the remote cache that the unit's kustomizations ask for;
     *                 when not empty the unit is not rendered
     * @param unpinned where the cached copy of each remote base that no tag or commit pins lies (a directory, or the
     *                 file copied beside its kustomization), with its URL: the objects read from there are named as
     *                 coming from it ({@link RemoteOrigins})
     * @param origins  whether kfboot turned kustomize's origin annotations on for this build (and so must take them
     *                 off again); false when the user's own kustomization asks for them
     */
    public record Prepared(
            Path buildDir,
            List<String> remoteUrls,
            List<String> unresolvedUrls,
            List<String> refused,
            Map<Path, String> unpinned,
            boolean origins) {

        public Prepared {
            unpinned = Map.copyOf(unpinned);
        }

        public Prepared(Path buildDir, List<String> remoteUrls, List<String> unresolvedUrls, List<String> refused) {
            this(buildDir, remoteUrls, unresolvedUrls, refused, Map.of(), false);
        }

        public Prepared(Path buildDir, List<String> remoteUrls, List<String> unresolvedUrls) {
            this(buildDir, remoteUrls, unresolvedUrls, List.of());
        }
    }

    private final Path dir;
    private final RemoteCache cache;
    private final Map<Path, Path> mirrors = new HashMap<>();
    private final Map<String, Prepared> prepared = new HashMap<>();
    private final Map<Path, String> unpinned = new HashMap<>();
    private final Map<Path, Boolean> originsAdded = new HashMap<>();
    private int remoteFiles;
    private int edited;

    private RenderWorkspace(Path dir, RemoteCache cache) {
        this.dir = dir;
        this.cache = cache;
    }

    /** @param cache the remote cache, or null to let kustomize fetch remote bases itself */
    public static RenderWorkspace create(RemoteCache cache) {
        try {
            Path dir = Files.createTempDirectory("kfboot-render-");
            ChildProcesses.opened(dir); // removed on Ctrl-C too
            return new RenderWorkspace(dir, cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Optional<RemoteCache> cache() {
        return Optional.ofNullable(cache);
    }

    /** Prepares a unit once; thread-safe, cheap for units that render in place. */
    public synchronized Prepared prepare(RenderUnit unit) {
        Prepared p = prepared.get(unit.id());
        if (p == null) {
            try {
                p = doPrepare(unit);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the render workspace for " + unit.id(), e);
            }
            prepared.put(unit.id(), p);
        }
        return p;
    }

    private Prepared doPrepare(RenderUnit unit) throws IOException {
        Path root = unit.root().toAbsolutePath().normalize();
        List<Path> starts = new ArrayList<>();
        for (String path : unit.paths()) starts.add(root.resolve(path).normalize());
        for (String c : unit.components()) starts.add(root.resolve(c).normalize());
        // nothing outside the unit's root is read, and a copy must not turn a link kustomize would refuse into a file
        KustomizationClosure closure = KustomizationClosure.walk(starts, root);
        if (!closure.outside().isEmpty()) {
            return new Prepared(
                    root.resolve(unit.paths().get(0)).normalize(),
                    List.copyOf(closure.remoteUrls()),
                    List.of(),
                    closure.outside());
        }
        List<String> unresolved = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Path base = root;
        boolean edit = !unit.kustomize().isEmpty() && unit.paths().size() == 1;
        if (!closure.remoteUrls().isEmpty() || edit) {
            // Argo CD's kustomize edit runs on a copy: such a unit gets a copy of its own, never shared with another
            // unit
            Path target = edit
                    ? dir.resolve("edited-" + (++edited))
                    : mirrors.computeIfAbsent(root, r -> dir.resolve("mirror-" + mirrors.size()));
            base = mirror(root, target, closure, unresolved, refused);
            if (!refused.isEmpty()) {
                return new Prepared(
                        root.resolve(unit.paths().get(0)).normalize(),
                        List.copyOf(closure.remoteUrls()),
                        unresolved,
                        List.copyOf(refused));
            }
        }
        if (edit) {
            Path top = base.resolve(unit.paths().get(0)).normalize();
            Path kfile = KustomizationClosure.kustomizationFile(top);
            List<Map<String, Object>> docs = RenderedYaml.parse(Files.readString(kfile, StandardCharsets.UTF_8));
            List<String> components = new ArrayList<>();
            for (String c : unit.components()) components.add(relative(top, base.resolve(c)));
            Files.writeString(
                    kfile,
                    YamlWriter.write(
                            unit.kustomize().editedKustomization(docs.isEmpty() ? Map.of() : docs.get(0), components)),
                    StandardCharsets.UTF_8);
            return withOrigins(new Prepared(top, List.copyOf(closure.remoteUrls()), unresolved), closure);
        }
        if (!unit.needsWrapper()) {
            return withOrigins(
                    new Prepared(
                            base.resolve(unit.paths().get(0)).normalize(),
                            List.copyOf(closure.remoteUrls()),
                            unresolved),
                    closure);
        }
        Path wrapper = dir.resolve("units").resolve(safeName(unit.id()));
        Files.createDirectories(wrapper);
        StringBuilder k =
                new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        for (String path : unit.paths())
            k.append("- ").append(relative(wrapper, base.resolve(path))).append('\n');
        if (!unit.components().isEmpty()) {
            k.append("components:\n");
            for (String c : unit.components())
                k.append("- ").append(relative(wrapper, base.resolve(c))).append('\n');
        }
        // Argo CD's spec.source.kustomize options, which its repo server sets with kustomize edit on a copy
        if (!unit.kustomize().isEmpty())
            k.append(YamlWriter.write(unit.kustomize().wrapperFields()));
        Files.writeString(wrapper.resolve("kustomization.yaml"), k.toString(), StandardCharsets.UTF_8);
        return withOrigins(new Prepared(wrapper, List.copyOf(closure.remoteUrls()), unresolved), closure);
    }

    /**
     * When the unit reads a cached remote base that no tag or commit pins, asks kustomize for origin annotations in
     * the build's own kustomization (always a copy in this workspace then), so that each object can be traced to it.
     */
    private Prepared withOrigins(Prepared p, KustomizationClosure closure) throws IOException {
        Map<Path, String> mine = new HashMap<>();
        unpinned.forEach((local, url) -> {
            if (closure.remoteUrls().contains(url)) mine.put(local, url);
        });
        if (mine.isEmpty() || !p.buildDir().startsWith(dir)) return p;
        Path kfile = KustomizationClosure.kustomizationFile(p.buildDir());
        Boolean added = originsAdded.get(kfile);
        if (added == null) {
            added = RemoteOrigins.requestIn(kfile);
            originsAdded.put(kfile, added);
        }
        return new Prepared(p.buildDir(), p.remoteUrls(), p.unresolvedUrls(), p.refused(), mine, added);
    }

    /** Copies what the closure reads into a mirror of {@code root}, rewriting remote references. */
    private Path mirror(
            Path root, Path mirror, KustomizationClosure closure, List<String> unresolved, List<String> refused)
            throws IOException {
        ReadBoundary bound = ReadBoundary.of(root);
        for (Path f : closure.filesToCopy()) {
            // the bounded closure holds nothing outside the root; checked again here, as the copy is what kustomize
            // reads, and copied from the real path so that no link is followed after the check
            String no = bound.refusal(f, bound.shown(f));
            if (no != null) {
                refused.add(no);
                continue;
            }
            Path target = mirror.resolve(root.relativize(f).toString());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) continue;
            Files.createDirectories(target.getParent());
            Files.copy(f.toRealPath(), target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        for (Path kfile : closure.kustomizationsWithRemotes()) {
            if (!kfile.startsWith(root)) continue;
            Path copy = mirror.resolve(root.relativize(kfile).toString());
            String text = Files.readString(copy, StandardCharsets.UTF_8);
            for (String url : closure.remoteUrls()) {
                if (!text.contains(url)) continue;
                Optional<RemoteCache.Resolved> r = cache == null ? Optional.empty() : cache.resolve(url);
                if (r.isEmpty()) {
                    if (!unresolved.contains(url)) unresolved.add(url);
                    continue;
                }
                // kustomize reads a cached remote base in place: it must not reach out of the remote cache either
                String no = ReadBoundary.of(cache.dir(), "the remote cache")
                        .refusal(r.get().local(), url);
                if (no != null) {
                    refused.add(no);
                    continue;
                }
                if (!r.get().isFile()) {
                    refused.addAll(KustomizationClosure.walk(List.of(r.get().local()), cache.dir())
                            .outside());
                }
                String replacement;
                if (r.get().isFile()) {
                    // kustomize only loads files inside the kustomization's directory: copy it there
                    String name = "kfboot-remote-" + (++remoteFiles) + "-"
                            + r.get().local().getFileName();
                    Files.copy(r.get().local(), copy.getParent().resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    replacement = name;
                    remember(url, copy.getParent().resolve(name));
                } else {
                    replacement = relative(copy.getParent(), r.get().local());
                    remember(url, r.get().local());
                }
                text = text.replace(url, replacement);
            }
            Files.writeString(copy, text, StandardCharsets.UTF_8);
        }
        return mirror;
    }

    private void remember(String url, Path local) {
        if (RemoteRef.of(url).map(RemoteRef::branch).orElse(false))
            unpinned.put(local.toAbsolutePath().normalize(), url);
    }

    private static String relative(Path from, Path to) {
        return from.toAbsolutePath()
                .normalize()
                .relativize(to.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }

    private static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public void close() {
        Directories.deleteQuietly(dir);
        ChildProcesses.closed(dir);
    }
}
