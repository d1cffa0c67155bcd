package dev.kfboot.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}). An absent selector matches
 * everything, as the API server reads it for webhooks.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

    /** One {@code matchExpressions} entry: In, NotIn, Exists, DoesNotExist. */
    public record Requirement(String key, String operator, List<String> values) {
        public Requirement {
            values = values == null ? List.of() : List.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (operator) {
                case "In" -> v != null && values.contains(v);
                case "NotIn" -> v == null || !values.contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> false; // an operator the API server would reject never selects anything
            };
        }

        @Override
        public String toString() {
            return switch (operator) {
                case "Exists" -> key;
                case "DoesNotExist" -> "!" + key;
                default -> key + " " + operator.toLowerCase(Locale.ROOT) + " (" + String.join(",", values) + ")";
            };
        }
    }

    public LabelSelector {
        matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!Objects.equals(labels.get(e.getKey()), e.getValue())) return false;
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(labels)) return false;
        }
        return true;
    }

    public boolean isEverything() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(matchLabels)
                .forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "")
                        .append(k)
                        .append('=')
                        .append(v));
        for (Requirement r : matchExpressions)
            sb.append(sb.length() > 0 ? ", " : "").append(r);
        return sb.length() == 0 ? "(everything)" : sb.toString();
    }
}
