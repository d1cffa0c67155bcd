package dev.kfboot.files;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file through a temporary sibling and a move, so a reader never sees half of it. */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes text; a failure is an {@link InputException} naming the file (nothing is half-written). */
    public static void write(Path target, String content) {
        try {
            writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(
                    Location.of(target.toString()),
                    "cannot write: " + e.getMessage(),
                    "check that the directory exists and is writable");
        }
    }

    /**
     * Writes the parts one after the other into a temporary sibling, then moves it over {@code target}. A file that
     * exists keeps its mode (a 0600 file holding secrets stays 0600); a new one is rw-r--r--.
     */
    public static void writeBytes(Path target, byte[]... parts) throws IOException {
        write(target, false, parts);
    }

    /** The same for a file only its owner may read: rw-------, its new directories rwx------ (the render cache). */
    public static void writePrivate(Path target, byte[]... parts) throws IOException {
        write(target, true, parts);
    }

    private static void write(Path target, boolean owned, byte[]... parts) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null) throw new IOException("the filesystem root is not a file");
        if (Files.isDirectory(abs)) throw new IOException("it is a directory");
        boolean posix = abs.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (owned && posix && !Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.createDirectories(dir);
        Set<PosixFilePermission> mode = !posix
                ? null
                : owned
                        ? PosixFilePermissions.fromString("rw-------")
                        : Files.isRegularFile(abs)
                                ? Files.getPosixFilePermissions(abs)
                                : PosixFilePermissions.fromString("rw-r--r--");
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (var out = Files.newOutputStream(tmp)) {
                for (byte[] p : parts) out.write(p);
            }
            // temporary files are created owner-only: the result gets the mode chosen above
            if (mode != null) Files.setPosixFilePermissions(tmp, mode);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
