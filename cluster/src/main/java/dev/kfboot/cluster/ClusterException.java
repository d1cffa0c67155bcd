package dev.kfboot.cluster;

/**
 * The cluster could not do what a command needed: it is unreachable, refused the credentials or the request,
 * failed, throttled for too long or did not answer in time, or the settings to reach it are unusable, or
 * kfboot refuses a destructive step it was not explicitly asked for. One line of message, one hint; never a bug.
 */
public final class ClusterException extends RuntimeException {

    /**
     * What went wrong: {@link #CONFIG} (unusable settings) and {@link #REFUSED} (kfboot will not do it without an
     * explicit flag) are on the user's side, every other kind on the cluster's.
     */
    public enum Kind {
        CONFIG,
        REFUSED,
        UNREACHABLE,
        TLS,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        THROTTLED,
        API_ERROR,
        TIMEOUT,
        FAILED
    }

    private final Kind kind;
    private final String hint;

    public ClusterException(Kind kind, String message, String hint) {
        super(message);
        this.kind = kind;
        this.hint = hint;
    }

    public ClusterException(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
    }

    public String hint() {
        return hint;
    }
}
