package dev.kfboot.cluster.check;

/**
 * One item of a checklist.
 *
 * @param <C> what the checks of the list look at (read once, shared)
 */
public interface Check<C> {

    /** A stable id for JSON output, e.g. {@code kubernetes-version}. */
    String id();

    /** The checklist line, e.g. "a default StorageClass exists". */
    String title();

    CheckResult run(C context);
}
