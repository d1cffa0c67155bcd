package dev.kfboot.yaml;

import java.util.Locale;

/**
 * A scalar with its resolved YAML 1.2 core-schema type. {@code plain} is false for quoted scalars, which
 * matters for values kubectl's YAML 1.1 parser reads differently ({@code yes}, {@code 0644}, {@code 1.10}).
 */
public record YScalar(String value, Type type, boolean plain, int line) implements YNode {

    public enum Type {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    @Override
    public Object toPlain() {
        return switch (type) {
            case NULL -> null;
            case BOOL -> Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
            case INT -> parseInt();
            case FLOAT -> parseFloat();
            case STRING -> value;
        };
    }

    private Object parseInt() {
        try {
            String v = value.startsWith("+") ? value.substring(1) : value;
            if (v.startsWith("0x")) return Long.parseLong(v.substring(2), 16);
            if (v.startsWith("0o")) return Long.parseLong(v.substring(2), 8);
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private Object parseFloat() {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    @Override
    public String describe() {
        return switch (type) {
            case NULL -> "an empty value";
            case STRING -> "the string '" + value + "'";
            default -> "the " + type.name().toLowerCase(Locale.ROOT) + " " + value;
        };
    }
}
