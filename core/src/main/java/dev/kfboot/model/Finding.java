package dev.kfboot.model;

import java.util.Comparator;

/**
 * A problem with the user's input or environment: which rule, how bad, where (file:line, app, resource),
 * what is wrong and how to fix it. Findings are collected, never thrown.
 */
public record Finding(
        String rule, Severity severity, String app, String resource, Location location, String message, String hint)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(
                    (Finding f) -> f.location.file() == null ? "" : f.location.file())
            .thenComparingInt(f -> f.location.line())
            .thenComparing(f -> f.app == null ? "" : f.app)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.resource == null ? "" : f.resource)
            .thenComparing(Finding::message);

    public Finding {
        location = location == null ? Location.NONE : location;
        // a repoURL's credentials (https://user:token@host) never reach an output: text, JSON, SARIF or HTML
        message = SafeText.redactCredentials(message);
        hint = SafeText.redactCredentials(hint);
        resource = SafeText.redactCredentials(resource);
    }

    public static Finding error(String rule, String app, String message, String hint) {
        return new Finding(rule, Severity.ERROR, app, null, Location.NONE, message, hint);
    }

    public static Finding warning(String rule, String app, String message, String hint) {
        return new Finding(rule, Severity.WARNING, app, null, Location.NONE, message, hint);
    }

    public Finding at(Location where) {
        return new Finding(rule, severity, app, resource, where, message, hint);
    }

    public Finding about(String resourceId) {
        return new Finding(rule, severity, app, resourceId, location, message, hint);
    }

    /** Compiler style: {@code file:line: error: [rule] app: message (resource)} then an indented hint. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        // every part may come from the tree: escaped, so none can start a line of its own or drive the terminal
        if (location.known())
            sb.append(SafeText.forTerminal(location.toString())).append(": ");
        sb.append(severity.label()).append(": [").append(rule).append("] ");
        if (app != null) sb.append(SafeText.forTerminal(app)).append(": ");
        sb.append(SafeText.forTerminal(message));
        if (resource != null)
            sb.append(" (").append(SafeText.forTerminal(resource)).append(')');
        if (hint != null && !hint.isEmpty()) sb.append("\n    hint: ").append(SafeText.forTerminal(hint));
        return sb.toString();
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}
