package dev.kfboot.cluster.preflight;

import java.util.Locale;

/** The verdict of one check. Only {@link #FAIL} (and {@link #WARN} under {@code --strict}) fails a preflight. */
public enum Status {
    PASS,
    WARN,
    FAIL,
    /** A figure to know, nothing kfboot can check on the cluster (the PVC storage the platform requests). */
    INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
