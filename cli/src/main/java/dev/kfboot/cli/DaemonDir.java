package dev.kfboot.cli;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where the daemon's socket and log live: {@code $KFBOOT_DAEMON_DIR}, else {@code $XDG_RUNTIME_DIR/kfboot}, else
 * {@code ~/.cache/kfboot/daemon}. Only its owner may use it: the directory is made with mode 0700, and a directory
 * that others can enter or that belongs to someone else is refused, since whoever reaches the socket runs kfboot
 * as its owner.
 */
final class DaemonDir {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DaemonDir() {}

    static Path of(Map<String, String> env) {
        String explicit = env.get("KFBOOT_DAEMON_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit).toAbsolutePath().normalize();
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) return Path.of(runtime, "kfboot");
        return TreeSourceOptions.defaultCacheDir(env).resolve("daemon");
    }

    /** Makes the directory (mode 0700) when absent. */
    static Path prepare(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.INPUT, "cannot create the daemon directory " + dir + ": " + e.getMessage(),
                    "set KFBOOT_DAEMON_DIR to a directory you own");
        }
        String problem = problem(dir);
        if (problem != null) {
            throw new CommandFailure(ExitCodes.INPUT, "the daemon directory " + dir + " " + problem,
                    "chmod 700 " + dir + ", or set KFBOOT_DAEMON_DIR to a directory only you can enter");
        }
        return dir;
    }

    /** Why the directory may not hold the socket, or null when it may. */
    static String problem(Path dir) {
        try {
            if (Files.isSymbolicLink(dir)) return "is a symbolic link";
            long owner = ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            if (owner != new UnixSystem().getUid()) return "belongs to another user (uid " + owner + ")";
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY.containsAll(perms)) return "can be entered by others (" + PosixFilePermissions.toString(perms) + ")";
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot be checked: " + e.getMessage();
        }
    }
}
