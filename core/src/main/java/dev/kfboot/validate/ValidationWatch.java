package dev.kfboot.validate;

import dev.kfboot.files.TreeWatcher;
import dev.kfboot.model.InputException;
import dev.kfboot.render.KustomizeTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * {@code validate --watch} without the printing: what to watch for a request (the tree, its repository, the
 * {@code --source} checkouts and the remote cache, never the render cache, which each run writes) and the loop that
 * validates again once the files have been quiet for a moment after a change. The caller opens the watcher on
 * {@link #roots()} before {@link #run} so that no change made during the first run is missed.
 */
public final class ValidationWatch {

    /** An editor's save is several events: wait for this much quiet before validating again. */
    public static final Duration QUIET_AFTER_CHANGE = Duration.ofMillis(50);

    /** Where changes come from ({@link TreeWatcher#awaitChange}; a stand-in in tests). */
    @FunctionalInterface
    public interface Changes {
        /** The paths changed, once no event came for {@code quiet}; blocks until then. */
        SortedSet<Path> awaitChange(Duration quiet) throws InterruptedException;
    }

    /** What the watch tells its printer between runs. */
    public interface Listener {
        /** The first run is done and the watch waits for changes. */
        void watching();

        /** Files changed ({@link #changedFiles}) and the tree is validated again. */
        void changed(String files);

        /** A run after a change found the input unusable (a file saved half-edited); the watch goes on. */
        void unusable(InputException e);
    }

    private final ValidateRequest request;
    private final Path repo;
    private final List<Path> roots;
    private final List<Path> excluded;

    private ValidationWatch(ValidateRequest request, Path repo, List<Path> roots, List<Path> excluded) {
        this.request = request;
        this.repo = repo;
        this.roots = List.copyOf(roots);
        this.excluded = List.copyOf(excluded);
    }

    /**
     * The watch of a request: reads the tree once to find its repository; kustomize's version is asked once here, not
     * on every run. Unusable input (no tree) is an {@link InputException}, as without {@code --watch}.
     */
    public static ValidationWatch of(ValidateRequest given) {
        ValidateRequest request = withKustomizeAskedOnce(given);
        Path repo = TreeWatcher.real(TreeReader.read(request.dir(), request.repoRoot(), request.locality())
                .repo()
                .dir());
        List<Path> roots = new ArrayList<>(List.of(request.dir(), repo));
        roots.addAll(request.sources().values());
        if (request.render().remoteCache() != null) roots.add(request.render().remoteCache());
        List<Path> excluded = request.cacheDir() == null ? List.of() : List.of(request.cacheDir());
        return new ValidationWatch(request, repo, roots, excluded);
    }

    /** The request each run validates. */
    public ValidateRequest request() {
        return request;
    }

    /** The directories to watch, each with everything below it. */
    public List<Path> roots() {
        return roots;
    }

    /** Directories below the roots whose changes do not count (the render cache). */
    public List<Path> excluded() {
        return excluded;
    }

    /**
     * Validates, then again after each change, until interrupted. Unusable input in the first run is thrown; in a later
     * run it goes to the listener and the watch waits for the next change.
     *
     * @param validate one run (it prints its findings), returning what the exit code is decided from
     * @return the last complete run, once interrupted (the interrupt flag stays set)
     */
    public <V> V run(Changes changes, Function<ValidateRequest, V> validate, Listener listener) {
        V last = validate.apply(request);
        listener.watching();
        try {
            while (true) {
                SortedSet<Path> changed = changes.awaitChange(QUIET_AFTER_CHANGE);
                listener.changed(changedFiles(repo, changed));
                try {
                    last = validate.apply(request);
                } catch (InputException e) {
                    listener.unusable(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last;
        }
    }

    /** kustomize's version is asked once, not on every run; without kustomize, each run reports it if it needs it. */
    static ValidateRequest withKustomizeAskedOnce(ValidateRequest request) {
        if (request.render().tool() != null) return request;
        try {
            return request.withRender(request.render().withTool(KustomizeTool.detect(request.cacheDir())));
        } catch (InputException none) {
            return request;
        }
    }

    /** The changed paths relative to the repository, at most three, then how many more. */
    static String changedFiles(Path repo, SortedSet<Path> changed) {
        List<String> shown = new ArrayList<>();
        for (Path p : changed) {
            if (shown.size() == 3) {
                shown.add("and " + (changed.size() - 3) + " more");
                break;
            }
            shown.add(p.startsWith(repo) ? repo.relativize(p).toString() : p.toString());
        }
        return String.join(", ", shown);
    }
}
