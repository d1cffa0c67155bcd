package dev.kfboot.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.List;
import java.util.Map;

/**
 * Reads fields of Kubernetes objects held as plain maps (what generic resources and YAML fixtures are): a
 * missing field or one of another type reads as null or empty, never as an exception, because live objects
 * are partial while controllers work on them.
 */
public final class Fields {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Fields() {}

    /** A typed or generic object as a plain map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(HasMetadata object) {
        return SERIALIZATION.convertValue(object, Map.class);
    }

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
        return list(root, path).stream().filter(o -> o instanceof Map).map(o -> (Map<String, Object>) o).toList();
    }

    public static boolean has(Object root, String... path) {
        return get(root, path) != null;
    }
}
