package dev.kfboot.cli;

/**
 * A command ends with a chosen exit code and one message (a cluster that refused, a wave that timed out).
 * Thrown by commands, caught only by {@link Main}.
 */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;
    private final String hint;

    public CommandFailure(int exitCode, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
