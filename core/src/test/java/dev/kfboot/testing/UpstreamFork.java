package dev.kfboot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A writable copy of a released kubeflow/manifests tree, the way a fork holds one, for trees that live inside
 * it (seed fixtures, generated trees). Skips the test with a reason when the shared data is absent.
 */
public final class UpstreamFork {

    private UpstreamFork() {}

    public static Path copy(String release, Path target) {
        copyTree(UpstreamData.release(release), target);
        return target;
    }

    /** Copies every file under {@code from} into {@code to}, replacing files of the same path. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
