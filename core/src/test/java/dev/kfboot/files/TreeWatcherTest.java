package dev.kfboot.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the watcher reports: changes anywhere below its roots, in new directories too, but not in skipped ones. */
class TreeWatcherTest {

    private static final Duration QUIET = Duration.ofMillis(100);

    @TempDir
    Path root;

    @Test
    void reportsChangesBelowTheRootsButNotInExcludedGitOrBuildDirectories() throws Exception {
        Files.createDirectories(root.resolve("apps/sub"));
        Files.createDirectories(root.resolve(".git"));
        Files.createDirectories(root.resolve("cache"));
        Files.createDirectories(root.resolve("target"));
        try (TreeWatcher w = new TreeWatcher(List.of(root, root.resolve("apps")), List.of(root.resolve("cache")))) {
            assertThat(w.directories()).isEqualTo(3); // root, apps, apps/sub

            Files.writeString(root.resolve(".git/index"), "x");
            Files.writeString(root.resolve("cache/entry.json"), "{}");
            Files.writeString(root.resolve("target/out.jar"), "x");
            Files.writeString(root.resolve("apps/sub/app.yaml"), "kind: Application\n");

            assertThat(w.awaitChange(QUIET)).containsExactly(root.resolve("apps/sub/app.yaml"));
        }
    }

    @Test
    void aNewDirectoryIsWatchedAndASaveOfSeveralEventsIsOneChange() throws Exception {
        try (TreeWatcher w = new TreeWatcher(List.of(root), List.of())) {
            Files.createDirectories(root.resolve("new"));
            assertThat(w.awaitChange(QUIET)).containsExactly(root.resolve("new"));

            // an editor's save: a temporary file, then a move over the original
            Files.writeString(root.resolve("new/app.yaml.tmp"), "a: 1\n");
            Files.move(root.resolve("new/app.yaml.tmp"), root.resolve("new/app.yaml"));
            assertThat(w.awaitChange(QUIET))
                    .containsExactly(root.resolve("new/app.yaml"), root.resolve("new/app.yaml.tmp"));
        }
    }

    @Test
    void waitingEndsWhenTheThreadIsInterrupted() throws Exception {
        try (TreeWatcher w = new TreeWatcher(List.of(root), List.of())) {
            CompletableFuture<String> waited = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    SortedSet<Path> changed = w.awaitChange(QUIET);
                    waited.complete("changed: " + changed);
                } catch (InterruptedException e) {
                    waited.complete("interrupted");
                }
            });
            t.start();
            Thread.sleep(100);
            t.interrupt();
            assertThat(waited.get(5, TimeUnit.SECONDS)).isEqualTo("interrupted");
        }
    }

    @Test
    void aRootThatIsASymbolicLinkIsWatchedWhereItPoints() throws Exception {
        Files.createDirectories(root.resolve("real/apps"));
        Path link = Files.createSymbolicLink(root.resolve("link"), root.resolve("real"));
        try (TreeWatcher w = new TreeWatcher(List.of(link), List.of())) {
            assertThat(w.directories()).isEqualTo(2);
            Files.writeString(link.resolve("apps/app.yaml"), "kind: Application\n");
            assertThat(w.awaitChange(QUIET))
                    .containsExactly(TreeWatcher.real(root).resolve("real/apps/app.yaml"));
        }
    }

    @Test
    void missingRootsAreLeftOut() {
        try (TreeWatcher w = new TreeWatcher(Set.of(root.resolve("nope"), root), List.of())) {
            assertThat(w.directories()).isEqualTo(1);
        }
    }
}
