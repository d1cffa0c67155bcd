package dev.kfboot.catalog;

import java.util.List;
import java.util.Map;

/**
 * How one component of an earlier release maps onto the release whose catalog holds this entry: data, so a
 * spec written for the earlier release still resolves (the resolver prints a one-line notice).
 *
 * @param from      the earlier release, e.g. {@code 26.03}
 * @param component the component's id in {@code from}
 * @param kind      what became of it
 * @param into      the component(s) it now is: one for {@code RENAMED} and {@code MERGED}, several for
 *                  {@code SPLIT}, none for {@code REMOVED}
 * @param variants  old variant name, then new variant name, where the names changed
 * @param note      one line for the user (why, or what to choose)
 */
public record Rename(
        String from, String component, Kind kind, List<String> into, Map<String, String> variants, String note) {

    /** What became of a component between two releases. */
    public enum Kind {
        /** Same component, new id (and maybe new path). */
        RENAMED,
        /** Now part of a larger component with other former components. */
        MERGED,
        /** Now several components: where the choice matters the user picks. */
        SPLIT,
        /** Gone from the release. */
        REMOVED
    }

    public Rename {
        into = into == null ? List.of() : List.copyOf(into);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        note = note == null ? "" : note;
    }
}
