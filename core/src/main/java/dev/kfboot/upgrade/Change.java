package dev.kfboot.upgrade;

import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import java.util.Comparator;

/**
 * One thing the upgrade does to one object (or, for ordering, to one app).
 *
 * @param type        what kind of change
 * @param severity    ERROR when a human must decide (data at risk, or nothing Argo CD can do by itself), WARNING
 *                    when the target tree's sync options handle it, INFO when Argo CD handles it unaided
 * @param app         the target app that carries the fix (for objects that leave: the app that last rendered them,
 *                    or the app taking over its objects)
 * @param fromApp     the app rendering it in the old release; null for ordering changes of new apps
 * @param id          the object as in the old release (null for ordering changes)
 * @param newId       the object in the new release when it differs (renames); else null
 * @param field       the field that changes (immutable changes, versions); else null
 * @param oldValue    printed short; null when not applicable
 * @param newValue    printed short; null when not applicable
 * @param message     what happens, in one line
 * @param fix         what to do about it
 * @param syncOptions the per-resource sync options the target tree sets for it; null when it sets none
 */
public record Change(
        Type type,
        Severity severity,
        String app,
        String fromApp,
        ResourceId id,
        ResourceId newId,
        String field,
        String oldValue,
        String newValue,
        String message,
        String fix,
        String syncOptions) {

    /** The kinds of change, in the order a report lists them for one app. */
    public enum Type {
        IMMUTABLE("immutable-field"),
        CRD_VERSION("crd-version-removed"),
        REMOVED("removed"),
        MOVED("moved"),
        RENAMED("renamed"),
        ORDERING("ordering");

        private final String slug;

        Type(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    static final Comparator<Change> ORDER = Comparator.comparing(Change::type)
            .thenComparing(Change::severity)
            .thenComparing(c -> c.id == null ? "" : c.id.toString())
            .thenComparing(c -> c.field == null ? "" : c.field)
            .thenComparing(Change::message);

    public boolean needsDecision() {
        return severity == Severity.ERROR;
    }

    /** The object the target tree annotates: the new one for renames and moves, else the old one. */
    public ResourceId target() {
        return newId != null ? newId : id;
    }

    Change withSyncOptions(String options) {
        return new Change(type, severity, app, fromApp, id, newId, field, oldValue, newValue, message, fix, options);
    }

    Change withSeverity(Severity s, String newMessage, String newFix) {
        return new Change(type, s, app, fromApp, id, newId, field, oldValue, newValue, newMessage, newFix, syncOptions);
    }
}
