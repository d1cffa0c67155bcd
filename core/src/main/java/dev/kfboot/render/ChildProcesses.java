package dev.kfboot.render;

import dev.kfboot.files.Directories;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nothing a run starts outlives it: a kustomize that is stopped takes its whole process tree with it (git, helm,
 * plugins it may have started), and when the JVM ends on Ctrl-C or a kill signal a shutdown hook ends every process
 * this one started and removes the render workspaces still open. (SIGKILL runs no hook; the workspaces then keep
 * their kfboot-render- names in the temporary directory.)
 */
public final class ChildProcesses {

    private static final Set<Path> WORKSPACES = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private ChildProcesses() {}

    /** Ends {@code p} and every process below it, children first (so none is re-parented to init and left running). */
    public static void destroyTree(Process p) {
        destroyTree(p.toHandle());
    }

    static void destroyTree(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Removed by the shutdown hook if the run ends before {@link #closed}. */
    static void opened(Path workspace) {
        hook();
        WORKSPACES.add(workspace);
    }

    static void closed(Path workspace) {
        WORKSPACES.remove(workspace);
    }

    private static synchronized void hook() {
        if (hooked) return;
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::endEverything, "kfboot-cleanup"));
    }

    /** What the shutdown hook does: every descendant ended, every open workspace removed. */
    static void endEverything() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        for (Path ws : WORKSPACES) Directories.deleteQuietly(ws);
        WORKSPACES.clear();
    }
}
