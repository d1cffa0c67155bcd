package dev.kfboot.cluster.check;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verdict of one check. Only {@link #FAIL} (and {@link #WARN} under {@code --strict}) fails a checklist. */
public enum CheckStatus {
    PASS,
    WARN,
    FAIL,
    /** A figure to know, nothing kfboot can check on the cluster (the PVC storage the platform requests). */
    INFO;

    /** {@code pass}, {@code warn}, {@code fail}, {@code info}: the text table's and the JSON's spelling. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
