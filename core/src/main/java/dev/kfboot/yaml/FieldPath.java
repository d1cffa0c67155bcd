package dev.kfboot.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path to a field: dotted keys with list selectors, e.g. {@code spec.predictor.model.storageUri},
 * {@code spec.template.spec.containers[0].image} or {@code spec.template.spec.containers[name=manager].image}.
 */
public record FieldPath(List<Step> steps) {

    /** One step: a mapping key, a list index, or the list item whose {@code key} field equals {@code value}. */
    public record Step(String key, Integer index, String matchKey, String matchValue) {
        boolean isKey() {
            return key != null;
        }

        @Override
        public String toString() {
            if (key != null) return key;
            if (index != null) return "[" + index + "]";
            return "[" + matchKey + "=" + matchValue + "]";
        }
    }

    private static final Pattern SELECTOR = Pattern.compile("\\[(?:(\\d+)|([A-Za-z0-9_.-]+)=([^\\]]*))]");

    public FieldPath {
        steps = List.copyOf(steps);
    }

    /** @throws IllegalArgumentException with a readable reason when the path is malformed */
    public static FieldPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                Matcher m = SELECTOR.matcher(text);
                if (!m.find(i) || m.start() != i)
                    throw new IllegalArgumentException("bad list selector at '" + text.substring(i) + "'");
                steps.add(
                        m.group(1) != null
                                ? new Step(null, Integer.parseInt(m.group(1)), null, null)
                                : new Step(null, null, m.group(2), m.group(3)));
                i = m.end();
            } else if (c == '.') {
                i++;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') end++;
                steps.add(new Step(text.substring(i, end), null, null, null));
                i = end;
            }
        }
        if (steps.isEmpty()) throw new IllegalArgumentException("empty field path");
        return new FieldPath(steps);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (s.isKey() && sb.length() > 0) sb.append('.');
            sb.append(s);
        }
        return sb.toString();
    }
}
