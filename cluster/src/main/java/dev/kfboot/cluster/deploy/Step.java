package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.AppStatus;
import java.util.List;

/**
 * One decision of the deployer.
 *
 * @param phase   the phase being worked on, or the one that failed; null when done
 * @param waiting apps of that phase not yet Synced and Healthy
 * @param failing apps whose sync failed (or which are missing or being deleted), with why
 */
public record Step(List<Action> actions, Outcome outcome, Phase phase, List<AppStatus> waiting, List<Failure> failing) {

    /** Where the deploy stands after this step. */
    public enum Outcome {
        /** Actions to execute, or apps to wait for. */
        WORKING,
        /** Every phase is Synced and Healthy. */
        DONE,
        /** The wave given with --wave is Synced and Healthy. */
        STOPPED,
        /** An app of the current phase failed. */
        FAILED,
        /** The current phase did not become healthy in time. */
        TIMED_OUT;

        public boolean terminal() {
            return this != WORKING;
        }
    }

    /** An app that stops the deploy, with the reason; {@code status} is null when the app does not exist. */
    public record Failure(String app, AppStatus status, String reason) {}

    public Step {
        actions = List.copyOf(actions);
        waiting = List.copyOf(waiting);
        failing = List.copyOf(failing);
    }
}
