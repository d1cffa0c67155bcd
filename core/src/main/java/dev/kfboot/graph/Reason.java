package dev.kfboot.graph;

import dev.kfboot.model.Location;
import java.util.Comparator;
import java.util.Locale;

/**
 * Why one component must come after another. {@code kind} says which rule found it, {@code text} says it in
 * full with an example object, {@code summary} in a few words for tables; {@code location} is where a spec
 * declared it ({@link Location#NONE} for derived reasons).
 */
public record Reason(Kind kind, String text, String summary, Location location) implements Comparable<Reason> {

    public Reason(Kind kind, String text) {
        this(kind, text, text, Location.NONE);
    }

    /** The rule behind a reason; declared kinds come from the catalog or the spec, not from manifests. */
    public enum Kind {
        CRD,
        NAMESPACE,
        WEBHOOK,
        CA_INJECTION,
        DECLARED,
        SPEC;

        public boolean declared() {
            return this == DECLARED || this == SPEC;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Comparator<Reason> ORDER =
            Comparator.comparing(Reason::kind).thenComparing(Reason::text);

    @Override
    public int compareTo(Reason o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return kind.label() + ": " + text;
    }
}
