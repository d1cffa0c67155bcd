package dev.kfboot.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kfboot.model.Json;
import dev.kfboot.model.SafeText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Comparing field values of rendered bodies and printing them short, one line, with control characters escaped. */
final class FieldValues {

    static final int MAX_PRINTED = 160;

    private FieldValues() {}

    static boolean same(Object a, Object b) {
        return Objects.equals(normalize(a), normalize(b));
    }

    /** Maps compare without key order; numbers by value as text (YAML reads 1 and 1.0 differently). */
    static Object normalize(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        if (o instanceof List<?> l)
            return l.stream().map(FieldValues::normalize).toList();
        if (o instanceof Number n) return n.toString();
        return o;
    }

    /** Compact JSON of a value, cut at {@link #MAX_PRINTED} characters; "(none)" for an absent value. */
    static String print(Object value) {
        if (value == null) return "(none)";
        String s;
        if (value instanceof String str) {
            s = str;
        } else {
            try {
                s = Json.mapper().writeValueAsString(normalize(value));
            } catch (JsonProcessingException e) {
                s = String.valueOf(value);
            }
        }
        s = SafeText.escape(s);
        return s.length() > MAX_PRINTED ? s.substring(0, MAX_PRINTED) + "..." : s;
    }
}
