package dev.kfboot.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Watches directory trees for changes through the JDK's {@link WatchService} (inotify on Linux): every directory
 * below the roots is registered, and new ones as they appear. Version-control and build directories are skipped,
 * and so are the excluded paths (a cache that a watching command writes itself must not wake it up).
 */
public final class TreeWatcher implements AutoCloseable {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

    private final WatchService service;
    private final List<Path> excluded = new ArrayList<>();
    private final Map<WatchKey, Path> dirs = new HashMap<>();

    /**
     * @param roots    directories to watch, with everything below them; missing ones are left out
     * @param excluded paths whose changes are ignored, with everything below them
     * @throws UncheckedIOException when the watch service cannot start or a directory cannot be registered
     */
    public TreeWatcher(Collection<Path> roots, Collection<Path> excluded) {
        for (Path e : excluded) this.excluded.add(real(e));
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch files: " + e.getMessage(), e);
        }
        try {
            for (Path r : new TreeSet<>(roots.stream().map(TreeWatcher::real).toList())) {
                if (Files.isDirectory(r)) registerAll(r);
            }
        } catch (UncheckedIOException e) {
            close();
            throw e;
        }
    }

    /**
     * The path with symbolic links resolved (a root that is a link is watched where it points; changes are
     * reported there), or absolute and normalized when it does not exist.
     */
    public static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** How many directories are watched. */
    public int directories() {
        return dirs.size();
    }

    /**
     * Waits for a change, then until {@code quiet} passes without another (an editor's save is several events),
     * and returns what changed, sorted.
     *
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    public SortedSet<Path> awaitChange(Duration quiet) throws InterruptedException {
        SortedSet<Path> changed = new TreeSet<>();
        while (changed.isEmpty()) {
            drain(service.take(), changed);
        }
        WatchKey key;
        while ((key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) drain(key, changed);
        return changed;
    }

    private void drain(WatchKey key, Set<Path> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (dir == null) continue;
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(dir); // events were lost: the directory as a whole changed
                continue;
            }
            Path p = dir.resolve((Path) e.context());
            if (ignored(p)) continue;
            changed.add(p);
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerAll(p);
                } catch (UncheckedIOException gone) {
                    // removed again before it could be registered
                }
            }
        }
        if (!key.reset()) dirs.remove(key);
    }

    private boolean ignored(Path p) {
        if (SKIPPED_DIRS.contains(String.valueOf(p.getFileName()))) return true;
        for (Path e : excluded) if (p.startsWith(e)) return true;
        return false;
    }

    private void registerAll(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    if (!d.equals(root) && ignored(d)) return FileVisitResult.SKIP_SUBTREE;
                    dirs.put(
                            d.register(
                                    service,
                                    StandardWatchEventKinds.ENTRY_CREATE,
                                    StandardWatchEventKinds.ENTRY_DELETE,
                                    StandardWatchEventKinds.ENTRY_MODIFY),
                            d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // unreadable: nothing to watch there
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
