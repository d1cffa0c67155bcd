package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.files.TreeWatcher;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.render.RenderOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --watch} without a printer: what it watches and when it validates again. */
class ValidationWatchTest {

    @TempDir
    Path repo;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Hands out the given batches of changed paths, then interrupts as Ctrl-C would; records the quiet asked for. */
    static final class ScriptedChanges implements ValidationWatch.Changes {
        final Deque<SortedSet<Path>> batches = new ArrayDeque<>();
        final List<Duration> quiets = new ArrayList<>();

        ScriptedChanges then(Path... changed) {
            batches.add(new TreeSet<>(List.of(changed)));
            return this;
        }

        @Override
        public SortedSet<Path> awaitChange(Duration quiet) throws InterruptedException {
            quiets.add(quiet);
            if (batches.isEmpty()) throw new InterruptedException();
            return batches.poll();
        }
    }

    /** Records what the printer would print. */
    static final class Log implements ValidationWatch.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void watching() {
            lines.add("watching");
        }

        @Override
        public void changed(String files) {
            lines.add("changed " + files);
        }

        @Override
        public void unusable(InputException e) {
            lines.add("unusable " + e.getMessage());
        }
    }

    ValidationWatch watch(Map<String, Path> sources, RenderOptions render, Path cacheDir) {
        new TreeFixture(repo).component("c/katib", "").app("katib", 2, "c/katib", "kubeflow");
        return ValidationWatch.of(new ValidateRequest(repo.resolve("tree"), repo, sources, render, cacheDir, null)
                .withOptions(ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO)));
    }

    @Test
    void watchesTheTreeItsRepositoryTheSourcesAndTheRemoteCacheButNotTheRenderCache() {
        Path source = repo.resolve("other-checkout");
        Path remotes = repo.resolve("remote-cache");
        RenderOptions render = new RenderOptions(
                remotes, 1, Duration.ofSeconds(30), TreeFixture.options().tool());

        ValidationWatch w = watch(Map.of("https://example.com/other.git", source), render, repo.resolve("cache"));

        assertThat(w.roots()).containsExactly(repo.resolve("tree"), TreeWatcher.real(repo), source, remotes);
        assertThat(w.excluded()).containsExactly(repo.resolve("cache"));
        assertThat(w.request().render().tool()).isEqualTo(TreeFixture.options().tool());
    }

    @Test
    void withoutARenderCacheOrRemoteCacheOnlyTheTreeAndRepositoryAreWatched() {
        ValidationWatch w = watch(Map.of(), TreeFixture.options(), null);

        assertThat(w.roots()).containsExactly(repo.resolve("tree"), TreeWatcher.real(repo));
        assertThat(w.excluded()).isEmpty();
    }

    @Test
    void validatesFirstThenAgainAfterEachQuietChangeAndEndsWithTheLastRunWhenInterrupted() {
        ValidationWatch w = watch(Map.of(), TreeFixture.options(), null);
        Path real = TreeWatcher.real(repo);
        ScriptedChanges changes = new ScriptedChanges()
                .then(real.resolve("tree/apps/katib.yaml"))
                .then(real.resolve("c/katib/kustomization.yaml"), real.resolve("c/katib/patch.yaml"));
        List<ValidateRequest> runs = new ArrayList<>();
        Log log = new Log();

        String last = w.run(
                changes,
                r -> {
                    runs.add(r);
                    return "run " + runs.size();
                },
                log);

        assertThat(last).isEqualTo("run 3");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(runs).hasSize(3).allMatch(r -> r == w.request());
        assertThat(log.lines)
                .containsExactly(
                        "watching",
                        "changed tree/apps/katib.yaml",
                        "changed c/katib/kustomization.yaml, c/katib/patch.yaml");
        assertThat(changes.quiets).containsOnly(ValidationWatch.QUIET_AFTER_CHANGE);
    }

    @Test
    void inputBrokenByAChangeIsReportedAndTheLastCompleteRunKept() {
        ValidationWatch w = watch(Map.of(), TreeFixture.options(), null);
        Path real = TreeWatcher.real(repo);
        ScriptedChanges changes = new ScriptedChanges().then(real.resolve("tree/apps/katib.yaml"));
        Log log = new Log();
        List<String> results = new ArrayList<>(List.of("first"));
        Function<ValidateRequest, String> validate = r -> {
            if (results.isEmpty()) throw new InputException(Location.NONE, "katib.yaml:3: a tab", null);
            return results.remove(0);
        };

        String last = w.run(changes, validate, log);

        assertThat(last).isEqualTo("first");
        assertThat(log.lines)
                .containsExactly("watching", "changed tree/apps/katib.yaml", "unusable katib.yaml:3: a tab");
    }

    @Test
    void unusableInputInTheFirstRunIsThrownBeforeWatching() {
        ValidationWatch w = watch(Map.of(), TreeFixture.options(), null);
        Log log = new Log();

        assertThatThrownBy(() -> w.run(
                        new ScriptedChanges(),
                        r -> {
                            throw new InputException(Location.NONE, "no Applications", null);
                        },
                        log))
                .isInstanceOf(InputException.class);
        assertThat(log.lines).isEmpty();
    }

    @Test
    void changedFilesShowsThreePathsRelativeToTheRepositoryThenHowManyMore() {
        Path r = Path.of("/repo");
        SortedSet<Path> changed = new TreeSet<>(List.of(
                r.resolve("a.yaml"),
                r.resolve("b.yaml"),
                r.resolve("c.yaml"),
                r.resolve("d.yaml"),
                r.resolve("e.yaml")));

        assertThat(ValidationWatch.changedFiles(r, changed)).isEqualTo("a.yaml, b.yaml, c.yaml, and 2 more");
        assertThat(ValidationWatch.changedFiles(r, new TreeSet<>(List.of(Path.of("/checkout/x.yaml")))))
                .isEqualTo("/checkout/x.yaml");
    }

    @Test
    void aTreeThatDoesNotExistIsUnusableInput() {
        assertThatThrownBy(() -> ValidationWatch.of(ValidateRequest.of(repo.resolve("nope"), TreeFixture.options())))
                .isInstanceOf(InputException.class);
    }
}
