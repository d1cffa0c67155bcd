package dev.kfboot.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** Removing a temporary directory kfboot made, without failing the command when something is left. */
public final class Directories {

    private Directories() {}

    /**
     * Makes {@code dir} (and the parents it creates) accessible to its owner only, rwx------; a directory that exists
     * and belongs to this user is narrowed to that. Failing that (another owner, no POSIX permissions) changes nothing:
     * the files themselves are written owner-only.
     */
    public static void makePrivate(Path dir) {
        try {
            if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir);
                return;
            }
            var owner = PosixFilePermissions.fromString("rwx------");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
            } else if (Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(dir, owner);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // a cache that cannot be made private is still written with owner-only files
        }
    }

    /** Deletes {@code dir} and everything in it; leftovers are harmless, their name says what they were. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing the command for
        }
    }
}
