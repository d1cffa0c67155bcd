package dev.kfboot.validate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Pod Security Standards levels a namespace can enforce, least to most restrictive. */
public enum PodSecurityLevel {
    PRIVILEGED,
    BASELINE,
    RESTRICTED;

    public static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

    /** The level a namespace's labels enforce; empty when none (the cluster default, usually privileged). */
    public static Optional<PodSecurityLevel> enforcedBy(Map<String, String> labels) {
        return parse(labels.get(ENFORCE_LABEL));
    }

    static Optional<PodSecurityLevel> parse(String value) {
        if (value == null) return Optional.empty();
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the API server refuses the namespace; another rule's concern
        }
    }

    /** For two values of one label: the stricter enforce level, else the later value. */
    static String stricter(String label, String a, String b) {
        if (!ENFORCE_LABEL.equals(label)) return b;
        Optional<PodSecurityLevel> la = parse(a);
        Optional<PodSecurityLevel> lb = parse(b);
        if (la.isEmpty()) return b;
        if (lb.isEmpty()) return a;
        return la.get().compareTo(lb.get()) >= 0 ? a : b;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
