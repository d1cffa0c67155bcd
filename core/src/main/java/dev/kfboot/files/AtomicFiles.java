package dev.kfboot.files;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file through a temporary sibling and a move, so a reader never sees half of it. */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes text; a failure is an {@link InputException} naming the file (nothing is half-written). */
    public static void write(Path target, String content) {
        try {
            writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(Location.of(target.toString()), "cannot write: " + e.getMessage(),
                    "check that the directory exists and is writable");
        }
    }

    /** Writes the parts one after the other into a temporary sibling, then moves it over {@code target}. */
    public static void writeBytes(Path target, byte[]... parts) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (var out = Files.newOutputStream(tmp)) {
                for (byte[] p : parts) out.write(p);
            }
            // temporary files are created owner-only; give the result the usual rw-r--r--
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
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
