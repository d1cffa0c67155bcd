package dev.kfboot.cluster.deploy;

/** What a running deploy reports, for printing. Calls come from the driver's thread, in order. */
public interface DeployListener {

    /** An action was executed; {@code result} says what it did (e.g. "started", "already running"). */
    default void executed(Action action, String result) {}

    /** The step the driver is about to wait on (or the final one). */
    default void stepped(Step step) {}

    DeployListener NONE = new DeployListener() {};
}
