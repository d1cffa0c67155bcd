package dev.kfboot.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared upstream data (kubeflow/manifests releases and the remote cache) for integration tests.
 * Switched on with {@code -Dkfboot.upstream=DIR} (relative to the repository root); tests that need it are
 * skipped with a reason when it is absent.
 */
public final class UpstreamData {

    private UpstreamData() {}

    /** The upstream directory, or a skipped test saying why. */
    public static Path dir() {
        String prop = System.getProperty("kfboot.upstream", "");
        Assumptions.assumeTrue(
                !prop.isBlank(), "shared upstream data not switched on: run with -Dkfboot.upstream=../shared/upstream");
        Path p = Path.of(prop);
        if (!p.isAbsolute()) p = repoRoot().resolve(p);
        p = p.normalize();
        Assumptions.assumeTrue(
                Files.isDirectory(p.resolve("kubeflow-manifests")), "shared upstream data not found at " + p);
        return p;
    }

    public static Path release(String release) {
        Path p = dir().resolve("kubeflow-manifests").resolve(release);
        Assumptions.assumeTrue(Files.isDirectory(p), "release tree not found: " + p);
        return p;
    }

    public static Path remoteCache() {
        return dir().resolve("remote");
    }

    /**
     * The render cache every test of the suite shares ({@code -Dkfboot.test.cache}, set by the build; else one below
     * the checkout's target/). Its key covers every input of a render, so tests that render the same upstream paths
     * (in different copies of the tree) render them once.
     */
    public static Path renderCache() {
        String prop = System.getProperty("kfboot.test.cache", "");
        return prop.isBlank() ? repoRoot().resolve("target/test-render-cache") : Path.of(prop);
    }

    public static Path argoCd() {
        return dir().resolve("argo-cd/v3.5.1");
    }

    /** The kfboot checkout (the Maven top-level directory). */
    public static Path repoRoot() {
        String root = System.getProperty("kfboot.root", "");
        if (!root.isBlank()) return Path.of(root);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("kfboot"))) p = p.getParent();
        return p == null ? Path.of("").toAbsolutePath() : p;
    }
}
