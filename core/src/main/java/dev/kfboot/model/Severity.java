package dev.kfboot.model;

import java.util.Locale;

/** How bad a finding is; errors fail the command, warnings only with {@code --strict}. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
