package dev.kfboot.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fields of Kubernetes objects held as plain maps (rendered YAML, generic resources, fixtures): a missing
 * field or one of another type reads as null or empty, never as an exception, because rendered objects are
 * whatever a tree wrote and live objects are partial while controllers work on them. The one map reader of kfboot.
 */
public final class Fields {

    private Fields() {}

    public static Object get(Object root, String... path) {
        Object cur = root;
        for (String key : path) {
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(key);
        }
        return cur;
    }

    public static String string(Object root, String... path) {
        Object v = get(root, path);
        return v == null || v instanceof Map || v instanceof List ? null : String.valueOf(v);
    }

    public static String stringOr(Object root, String fallback, String... path) {
        String s = string(root, path);
        return s == null ? fallback : s;
    }

    /** A whole number, or {@code fallback} when absent or not a number. */
    public static long number(Object root, long fallback, String... path) {
        Object v = get(root, path);
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    public static boolean bool(Object root, String... path) {
        Object v = get(root, path);
        return v instanceof Boolean b ? b : v instanceof String s && s.equals("true");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object root, String... path) {
        Object v = get(root, path);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object root, String... path) {
        Object v = get(root, path);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The entries of a list that are mappings. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object root, String... path) {
        return list(root, path).stream()
                .filter(o -> o instanceof Map)
                .map(o -> (Map<String, Object>) o)
                .toList();
    }

    public static boolean has(Object root, String... path) {
        return get(root, path) != null;
    }

    /** The list's entries as strings (nulls left out). */
    public static List<String> strings(Object root, String... path) {
        List<String> out = new ArrayList<>();
        for (Object x : list(root, path)) if (x != null) out.add(String.valueOf(x));
        return out;
    }

    /** The mapping's values as strings (null as empty), in its order. */
    public static Map<String, String> stringMap(Object root, String... path) {
        Map<String, String> out = new LinkedHashMap<>();
        map(root, path).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return out;
    }
}
