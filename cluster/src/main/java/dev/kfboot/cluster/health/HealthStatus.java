package dev.kfboot.cluster.health;

import java.util.Locale;

/** Argo CD's health statuses, from best to worst in the order Argo CD aggregates them. */
public enum HealthStatus {
    HEALTHY,
    SUSPENDED,
    PROGRESSING,
    MISSING,
    DEGRADED,
    UNKNOWN;

    /** Argo CD's spelling: {@code Healthy}, {@code Progressing}. */
    public String label() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** Reads Argo CD's spelling; anything else is {@link #UNKNOWN}. */
    public static HealthStatus parse(String s) {
        if (s == null) return UNKNOWN;
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public boolean worseThan(HealthStatus other) {
        return ordinal() > other.ordinal();
    }
}
