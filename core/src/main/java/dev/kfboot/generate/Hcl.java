package dev.kfboot.generate;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans) as HCL expressions for Terraform: object
 * keys quoted when they are not identifiers, strings escaped so {@code ${} and {@code %{} stay literal, and
 * multi-line strings as indented heredocs.
 */
final class Hcl {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private Hcl() {}

    static String value(Object v, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, indent);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            List<Map.Entry<?, ?>> entries = new java.util.ArrayList<>(m.entrySet());
            // terraform fmt aligns the '=' of consecutive one-line attributes; a multi-line value ends the run
            int i = 0;
            while (i < entries.size()) {
                int j = i;
                int width = 0;
                while (j < entries.size() && oneLine(entries.get(j).getValue())) {
                    width = Math.max(width, key(String.valueOf(entries.get(j).getKey())).length());
                    j++;
                }
                if (j == i) {
                    attribute(sb, entries.get(i), 0, indent);
                    i++;
                    continue;
                }
                for (int k = i; k < j; k++) attribute(sb, entries.get(k), width, indent);
                i = j;
            }
            sb.append(" ".repeat(indent)).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (Object item : l) {
                sb.append(" ".repeat(indent + 2));
                write(sb, item, indent + 2);
                sb.append(",\n");
            }
            sb.append(" ".repeat(indent)).append(']');
        } else if (v instanceof Boolean || v instanceof Number) {
            sb.append(v);
        } else if (v == null) {
            sb.append("null");
        } else {
            sb.append(string(String.valueOf(v), indent));
        }
    }

    private static void attribute(StringBuilder sb, Map.Entry<?, ?> e, int width, int indent) {
        String k = key(String.valueOf(e.getKey()));
        sb.append(" ".repeat(indent + 2)).append(k).append(" ".repeat(Math.max(0, width - k.length()))).append(" = ");
        write(sb, e.getValue(), indent + 2);
        sb.append('\n');
    }

    private static boolean oneLine(Object v) {
        if (v instanceof Map<?, ?> m) return m.isEmpty();
        if (v instanceof List<?> l) return l.isEmpty();
        return !(v instanceof String s) || !s.contains("\n");
    }

    static String key(String k) {
        return IDENTIFIER.matcher(k).matches() ? k : quote(k);
    }

    static String string(String s, int indent) {
        if (!s.contains("\n")) return quote(s);
        StringBuilder sb = new StringBuilder("<<-EOT\n");
        for (String line : s.split("\n", -1)) {
            if (line.isEmpty()) {
                sb.append('\n');
                continue;
            }
            sb.append(" ".repeat(indent + 2)).append(escapeTemplate(line)).append('\n');
        }
        if (!s.endsWith("\n")) sb.append('\n');
        return sb.append(" ".repeat(indent)).append("EOT").toString().replace("\n\n" + " ".repeat(indent) + "EOT", "\n" + " ".repeat(indent) + "EOT");
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString().replace("${", "$${").replace("%{", "%%{");
    }

    private static String escapeTemplate(String s) {
        return s.replace("${", "$${").replace("%{", "%%{");
    }
}
