package dev.kfboot.cluster.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes the fields an ignoreDifferences entry names from an object: JSON pointers ({@code /spec/replicas},
 * with {@code ~1} for "/" and {@code ~0} for "~") and jq paths of the forms Argo CD users write
 * ({@code .webhooks[]?.clientConfig.caBundle}, {@code .spec.template.spec.containers[0].image},
 * {@code .metadata.annotations["a/b"]}). Other jq expressions are reported as not understood.
 */
final class FieldPaths {

    private FieldPaths() {}

    static void removePointer(Object root, String pointer) {
        if (pointer.isEmpty() || pointer.equals("/")) return;
        List<String> keys = new ArrayList<>();
        for (String p : pointer.substring(1).split("/", -1))
            keys.add(p.replace("~1", "/").replace("~0", "~"));
        remove(root, keys, 0);
    }

    /** Returns false when the expression is not a path kfboot understands. */
    static boolean removeJq(Object root, String expression) {
        List<String> keys = parseJq(expression.trim());
        if (keys == null) return false;
        remove(root, keys, 0);
        return true;
    }

    /** ".a[]?.b[0][\"c/d\"]" as keys: a, [], b, 0, c/d; null when it is not such a path. */
    static List<String> parseJq(String e) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < e.length()
                        && (Character.isLetterOrDigit(e.charAt(j)) || e.charAt(j) == '_' || e.charAt(j) == '-')) j++;
                if (j > i + 1) keys.add(e.substring(i + 1, j));
                else if (j >= e.length() || e.charAt(j) != '[') return null;
                i = j;
            } else if (c == '[') {
                int close = e.indexOf(']', i);
                if (close < 0) return null;
                String inside = e.substring(i + 1, close).trim();
                if (inside.isEmpty()) keys.add("[]");
                else if (inside.matches("\\d+")) keys.add(inside);
                else if (inside.length() >= 2 && inside.startsWith("\"") && inside.endsWith("\""))
                    keys.add(inside.substring(1, inside.length() - 1));
                else return null;
                i = close + 1;
                if (i < e.length() && e.charAt(i) == '?') i++;
            } else {
                return null;
            }
        }
        return keys.isEmpty() ? null : keys;
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object node, List<String> keys, int at) {
        String key = keys.get(at);
        boolean last = at == keys.size() - 1;
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (last) map.remove(key);
            else if (map.containsKey(key)) remove(map.get(key), keys, at + 1);
        } else if (node instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            if (key.equals("[]") || key.equals("-")) {
                if (last) list.clear();
                else for (Object item : list) remove(item, keys, at + 1);
            } else if (key.matches("\\d+")) {
                int idx = Integer.parseInt(key);
                if (idx >= list.size()) return;
                if (last) list.remove(idx);
                else remove(list.get(idx), keys, at + 1);
            }
        }
    }
}
