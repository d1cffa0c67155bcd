package dev.kfboot.model;

/**
 * The user's input cannot be used at all (a spec that does not parse, a directory that does not exist, a
 * dependency cycle). It carries a location and a hint so the CLI can print one clear line; it is never a bug.
 */
public class InputException extends RuntimeException {

    private final transient Location location;
    private final String hint;

    public InputException(Location location, String message, String hint) {
        super(message);
        this.location = location == null ? Location.NONE : location;
        this.hint = hint;
    }

    public InputException(Location location, String message, String hint, Throwable cause) {
        super(message, cause);
        this.location = location == null ? Location.NONE : location;
        this.hint = hint;
    }

    public Location location() {
        return location;
    }

    public String hint() {
        return hint;
    }

    /** One line: {@code file:line: message}. */
    public String oneLine() {
        String msg = getMessage().replace('\n', ' ');
        return location.known() ? location + ": " + msg : msg;
    }
}
