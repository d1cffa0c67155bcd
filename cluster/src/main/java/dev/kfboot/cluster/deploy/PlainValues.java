package dev.kfboot.cluster.deploy;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plain documents (maps, lists and scalars, as the YAML reader and the API server's JSON give them): deep copies,
 * and equality by value. The tree's YAML reads whole numbers as {@code Long}, the API server's answers as
 * {@code Integer}: {@code 5} is {@code 5} either way.
 */
final class PlainValues {

    private PlainValues() {}

    /** Whether two documents hold the same values, numbers compared by value. */
    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return sameNumber(x, y);
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) if (!equal(e.getValue(), y.get(e.getKey()))) return false;
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            Iterator<?> i = y.iterator();
            for (Object v : x) if (!equal(v, i.next())) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean sameNumber(Number x, Number y) {
        try {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        } catch (NumberFormatException e) {
            return x.equals(y); // NaN and infinities have no decimal form
        }
    }

    /** A deep copy, so that what is sent or simulated never shares a map with the tree. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) return copy((Map<String, Object>) m);
        if (v instanceof List<?> l)
            return l.stream().map(PlainValues::copyValue).toList();
        return v;
    }
}
