package dev.kfboot.cluster.health;

import dev.kfboot.model.Fields;
import java.util.Map;
import java.util.Optional;

/** {@code status.conditions[]} of an object, looked up by type. */
final class Conditions {

    private Conditions() {}

    static Optional<Map<String, Object>> find(Map<String, Object> object, String type) {
        return Fields.maps(object, "status", "conditions").stream()
                .filter(c -> type.equals(Fields.string(c, "type")))
                .findFirst();
    }

    static boolean isTrue(Map<String, Object> object, String type) {
        return find(object, type)
                .map(c -> "True".equals(Fields.string(c, "status")))
                .orElse(false);
    }

    static boolean isFalse(Map<String, Object> object, String type) {
        return find(object, type)
                .map(c -> "False".equals(Fields.string(c, "status")))
                .orElse(false);
    }

    /** "reason: message" of a condition, or what there is of it. */
    static String describe(Map<String, Object> condition) {
        String reason = Fields.string(condition, "reason");
        String message = Fields.string(condition, "message");
        if (reason == null) return message == null ? "" : message;
        return message == null ? reason : reason + ": " + message;
    }
}
