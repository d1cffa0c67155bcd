package dev.kfboot.generate;

import dev.kfboot.files.Directories;
import dev.kfboot.files.UnifiedDiff;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a generated tree into a directory, all or nothing: the new tree is written into a temporary
 * directory beside the target, files kfboot does not own (a {@code .git}, a file someone added) are moved
 * over, and then the two directories are swapped by renames; on any failure the old directory is put back.
 * Before that it refuses, unless forced, to overwrite a tree that was edited by hand since kfboot wrote it
 * (its {@code .kfboot/tree.json} says what kfboot wrote) or a directory kfboot never wrote.
 */
public final class TreeWriter {

    /** What is in the target directory now, measured against what kfboot wrote there last. */
    public record Status(
            boolean exists, boolean kfbootTree, List<String> edited, List<String> deleted, List<String> foreign) {

        public boolean clean() {
            return edited.isEmpty() && deleted.isEmpty() && (kfbootTree || foreign.isEmpty());
        }
    }

    /** What a write did. */
    public record Result(List<String> added, List<String> changed, List<String> removed, List<String> kept) {}

    /** Name part of the previous tree while it is set aside during a swap. */
    private static final String OLD = ".kfboot-old-";

    private TreeWriter() {}

    public static Status inspect(Path dir) {
        if (!Files.isDirectory(dir)) return new Status(false, false, List.of(), List.of(), List.of());
        Optional<TreeManifest> manifest = TreeManifest.read(dir);
        List<String> edited = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        if (manifest.isPresent()) {
            for (String path : manifest.get().files().keySet()) {
                Optional<String> text = read(dir.resolve(path));
                if (text.isEmpty()) deleted.add(path);
                else if (!manifest.get().unchanged(path, text.get())) edited.add(path);
            }
        }
        Set<String> owned = manifest.map(m -> m.files().keySet()).orElse(Set.of());
        List<String> foreign = new ArrayList<>();
        for (Path p : foreignEntries(dir, owned))
            foreign.add(RepoPaths.clean(dir.relativize(p).toString()));
        return new Status(true, manifest.isPresent(), edited, deleted, foreign);
    }

    /** The unified diff between the tree on disk and {@code tree}; "" when they are the same. */
    public static String diff(Path dir, GeneratedTree tree) {
        Set<String> paths = new TreeSet<>(tree.files().keySet());
        TreeManifest.read(dir).ifPresent(m -> paths.addAll(m.files().keySet()));
        StringBuilder sb = new StringBuilder();
        for (String p : paths)
            sb.append(UnifiedDiff.of(
                    p, read(dir.resolve(p)).orElse(null), tree.files().get(p)));
        return sb.toString();
    }

    /**
     * @throws InputException when the directory holds hand edits or foreign files and {@code force} is off, or
     *     when it cannot be written; the directory is then as it was
     */
    public static Result write(Path dir, GeneratedTree tree, boolean force) {
        Path target = target(dir);
        recover(target);
        Status status = inspect(target);
        Set<String> newPaths = tree.files().keySet();
        List<String> overwrittenForeign = status.foreign().stream()
                .filter(f -> newPaths.contains(f) || newPaths.stream().anyMatch(n -> n.startsWith(f + "/")))
                .toList();
        if (!force) refuseIfDirty(dir, status, overwrittenForeign);
        Optional<TreeManifest> old = TreeManifest.read(target);
        Map<String, Optional<String>> onDisk = new LinkedHashMap<>();
        for (String p : newPaths) onDisk.put(p, read(target.resolve(p)));
        Map<String, String> contents = new LinkedHashMap<>(tree.files());
        contents.put(TreeLayout.MANIFEST, TreeManifest.of(tree).toJson());
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".kfboot-new-");
            for (Map.Entry<String, String> e : contents.entrySet()) {
                Path f = tmp.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
            openUp(tmp);
            List<String> kept = swap(target, tmp, status, new HashSet<>(overwrittenForeign));
            tmp = null;
            return result(old, onDisk, tree, kept);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "cannot write the tree: " + e,
                    "check that " + parent + " exists and is writable; nothing was changed");
        } finally {
            if (tmp != null) Directories.deleteQuietly(tmp);
        }
    }

    private static void refuseIfDirty(Path dir, Status status, List<String> overwrittenForeign) {
        if (!status.edited().isEmpty() || !status.deleted().isEmpty()) {
            List<String> what = new ArrayList<>();
            status.edited().forEach(p -> what.add(p + " (edited)"));
            status.deleted().forEach(p -> what.add(p + " (deleted)"));
            throw new InputException(
                    Location.of(dir.toString()),
                    "the tree was changed by hand since kfboot wrote it: " + summary(what),
                    "see the changes with --diff; pass --force to overwrite them, or move them into the spec");
        }
        if (status.exists() && !status.kfbootTree() && !status.foreign().isEmpty()) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "the directory is not empty and kfboot did not write it (" + summary(status.foreign()) + ")",
                    "choose an empty or new directory, or pass --force to write into it");
        }
        if (!overwrittenForeign.isEmpty()) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "kfboot would overwrite files it did not write: " + summary(overwrittenForeign),
                    "move them away, or pass --force");
        }
    }

    /**
     * Where the tree goes: {@code dir}, or the directory a symbolic link there points to (the link is kept, never
     * replaced by a directory). The filesystem root and a dangling link are refused.
     */
    static Path target(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new InputException(
                        Location.of(dir.toString()),
                        "a symbolic link to nothing (" + e.getMessage() + ")",
                        "point --out at a directory, or at a link to one");
            }
        }
        if (target.getParent() == null || target.getFileName() == null) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "cannot write a tree over the filesystem root",
                    "pass a directory for the tree, e.g. --out ./platform");
        }
        return target;
    }

    /**
     * Puts the new tree in place. Foreign entries are hard-linked (or copied) into the new tree, so the old one
     * stays whole until the end; then two renames: the old tree aside, the new one in. A process killed between
     * them leaves the old tree complete beside the target, and {@link #recover} puts it back on the next run.
     */
    private static List<String> swap(Path target, Path tmp, Status status, Set<String> overwritten) throws IOException {
        if (!status.exists()) {
            move(tmp, target);
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String f : status.foreign()) {
            if (overwritten.contains(f)) continue;
            linkOrCopy(target.resolve(f), tmp.resolve(f));
            kept.add(f);
        }
        Path old = target.resolveSibling("." + target.getFileName() + OLD + Long.toHexString(System.nanoTime()));
        move(target, old);
        try {
            move(tmp, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        Directories.deleteQuietly(old);
        return kept;
    }

    /**
     * Finishes or undoes a write that a killed process left half-way: when the target is missing but the old
     * tree set aside beside it is there, the old tree goes back; leftover temporary trees are removed.
     */
    public static void recover(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null || !Files.isDirectory(parent)) return;
        List<Path> olds = new ArrayList<>();
        List<Path> news = new ArrayList<>();
        try (DirectoryStream<Path> siblings =
                Files.newDirectoryStream(parent, "." + target.getFileName() + ".kfboot-*")) {
            for (Path p : siblings) {
                // in a shared parent anyone can plant a ".NAME.kfboot-old-*": only what this user wrote is adopted
                if (!ownDirectory(p)) continue;
                (p.getFileName().toString().contains(OLD) ? olds : news).add(p);
            }
        } catch (IOException e) {
            return;
        }
        olds.sort(null);
        try {
            if (!Files.exists(target) && !olds.isEmpty()) move(olds.remove(olds.size() - 1), target);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "cannot restore the previous tree from " + olds.get(olds.size() - 1) + ": " + e.getMessage(),
                    "move it back to " + target + " by hand");
        }
        olds.forEach(Directories::deleteQuietly);
        news.forEach(Directories::deleteQuietly);
    }

    /** A real directory (not a link) owned by the user kfboot runs as. */
    static boolean ownDirectory(Path p) {
        try {
            return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(to);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
                for (Path e : entries) linkOrCopy(e, to.resolve(e.getFileName().toString()));
            }
            return;
        }
        Files.createDirectories(to.getParent());
        if (Files.isSymbolicLink(from)) {
            Files.createSymbolicLink(to, Files.readSymbolicLink(from));
            return;
        }
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Added and changed as measured on disk (a forced write over hand edits changes them back). */
    private static Result result(
            Optional<TreeManifest> old, Map<String, Optional<String>> onDisk, GeneratedTree tree, List<String> kept) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String p : tree.files().keySet()) {
            Optional<String> before = onDisk.get(p);
            if (before.isEmpty()) added.add(p);
            else if (!before.get().equals(tree.files().get(p))) changed.add(p);
        }
        old.ifPresent(m -> m.files().keySet().stream()
                .filter(p -> !tree.files().containsKey(p))
                .forEach(removed::add));
        return new Result(added, changed, removed, kept);
    }

    /** Entries of {@code dir} that hold no file kfboot owns, as high up as possible. */
    private static List<Path> foreignEntries(Path dir, Set<String> owned) {
        Set<String> ownedDirs = new HashSet<>();
        for (String p : owned) {
            for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) ownedDirs.add(p.substring(0, i));
        }
        ownedDirs.add(TreeLayout.STATE);
        List<Path> out = new ArrayList<>();
        collectForeign(dir, dir, owned, ownedDirs, out);
        out.sort(null);
        return out;
    }

    private static void collectForeign(Path root, Path dir, Set<String> owned, Set<String> ownedDirs, List<Path> out) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String rel = RepoPaths.clean(root.relativize(e).toString());
                if (rel.equals(TreeLayout.MANIFEST) || owned.contains(rel)) continue;
                if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS) && ownedDirs.contains(rel)) {
                    collectForeign(root, e, owned, ownedDirs, out);
                } else {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "cannot read the directory: " + e.getMessage(),
                    "check its permissions");
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Temporary directories are owner-only; the tree gets the usual rwxr-xr-x / rw-r--r--. */
    private static void openUp(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static Optional<String> read(Path f) {
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.of("");
        }
    }

    private static String summary(List<String> items) {
        return items.size() <= 3
                ? String.join(", ", items)
                : String.join(", ", items.subList(0, 3)) + " and " + (items.size() - 3) + " more";
    }
}
