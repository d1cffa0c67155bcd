package dev.kfboot.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory a read must stay in: the repository, a {@code --source} checkout or the remote cache. A path that
 * climbs out of it, or whose real path (symbolic links resolved) leaves it, is refused, as Argo CD's repo server
 * refuses out-of-bounds symlinks. The refusal names the link or reference, never what it points at.
 */
public final class ReadBoundary {

    private final Path root;
    private final Path realRoot;
    private final String what;

    private ReadBoundary(Path root, Path realRoot, String what) {
        this.root = root;
        this.realRoot = realRoot;
        this.what = what;
    }

    public static ReadBoundary of(Path root) {
        return of(root, "the repository");
    }

    /** @param what how the boundary is named in refusals ("the repository", "the remote cache") */
    public static ReadBoundary of(Path root, String what) {
        Path abs = root.toAbsolutePath().normalize();
        return new ReadBoundary(abs, realPath(abs), what);
    }

    public Path root() {
        return root;
    }

    /** True when {@code p} and its real path are both inside the boundary. */
    public boolean contains(Path p) {
        return refusal(p, "") == null;
    }

    /**
     * Null when {@code target} may be read; else why not, starting with {@code named} (how the user finds the
     * reference: the link's path or the kustomization that names it).
     */
    public String refusal(Path target, String named) {
        Path abs = target.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return named + ": the path leaves " + what + "; nothing outside it is read";
        }
        if ((Files.exists(abs) || Files.isSymbolicLink(abs)) && !realPath(abs).startsWith(realRoot)) {
            return named + ": a symbolic link that leaves " + what + " (refused, as Argo CD's repo server refuses it)";
        }
        return null;
    }

    /** A path as shown in refusals: relative to the boundary when inside it. */
    public String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    private static Path realPath(Path p) {
        Path at = p.toAbsolutePath().normalize();
        // a dangling link or a loop: judge by the link's target as far as it resolves (at most 40 hops, as Linux)
        for (int hops = 0; hops < 40; hops++) {
            try {
                return at.toRealPath();
            } catch (IOException e) {
                try {
                    if (!Files.isSymbolicLink(at)) return at;
                    Path t = Files.readSymbolicLink(at);
                    at = at.getParent() == null ? t : at.getParent().resolve(t).normalize();
                } catch (IOException | RuntimeException e2) {
                    return at;
                }
            }
        }
        return at;
    }
}
