package dev.kfboot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

    /**
     * A copy of a release made into one kfboot has not seen: its README has no version table and every
     * kustomization carries a comment, so neither the README nor the components' files (their fingerprints) are any
     * known release's; what it renders is the release's.
     */
    public static Path unseen(String release, Path target) {
        copy(release, target);
        try (Stream<Path> files = Files.walk(target)) {
            Files.writeString(target.resolve("README.md"), "# Kubeflow manifests of a release kfboot has not seen\n");
            for (Path k : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                Files.writeString(k, "\n# a release kfboot has not seen\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
