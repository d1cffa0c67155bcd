package dev.kfboot.validate;

import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an ApplicationSet template with one parameter set, in either of Argo CD's syntaxes. The {@code {{name}}}
 * syntax (fasttemplate) replaces a parameter it knows and leaves any other placeholder as written. Go templates
 * ({@code goTemplate: true}) are evaluated for what ApplicationSets use in practice: field chains
 * ({@code {{ .path.basename }}}), {@code index}, string literals and pipelines through Sprig's string functions
 * ({@code default}, {@code lower}, {@code upper}, {@code replace}, {@code trimPrefix}, {@code trimSuffix},
 * {@code trunc}, {@code quote}, {@code title}, {@code trim}); anything else (actions such as {@code if} or
 * {@code range}, other functions) throws {@link Unevaluable}, so the set is unverified rather than guessed. A
 * missing key prints {@code <no value>} as Go does, or with {@code missingkey=error} is unevaluable.
 */
final class AppSetTemplate {

    /** A template kfboot does not evaluate. */
    static final class Unevaluable extends RuntimeException {
        Unevaluable(String message) {
            super(message);
        }
    }

    private static final Pattern ACTION = Pattern.compile("\\{\\{(-?)(.*?)(-?)}}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|\\||[^\\s|\"`]+");

    private final boolean go;
    private final boolean missingKeyError;

    AppSetTemplate(boolean go, boolean missingKeyError) {
        this.go = go;
        this.missingKeyError = missingKeyError;
    }

    YNode fill(YNode node, Map<String, Object> params) {
        if (node instanceof YScalar s) {
            if (!s.value().contains("{{")) return s;
            return new YScalar(text(s.value(), params), YScalar.Type.STRING, false, s.line());
        }
        if (node instanceof YSeq q) {
            List<YNode> items = new ArrayList<>();
            for (YNode i : q.items()) items.add(fill(i, params));
            return new YSeq(items, q.line());
        }
        YMap m = (YMap) node;
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        m.entries()
                .forEach((k, e) -> entries.put(
                        text(k, params), new YMap.Entry(text(k, params), e.keyLine(), fill(e.value(), params))));
        return new YMap(entries, m.line());
    }

    String text(String template, Map<String, Object> params) {
        if (!template.contains("{{")) return template;
        Matcher m = ACTION.matcher(template);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String before = template.substring(last, m.start());
            if (go && !m.group(1).isEmpty()) before = before.stripTrailing();
            sb.append(before);
            sb.append(
                    go
                            ? evaluate(m.group(2).trim(), params)
                            : fast(m.group(), m.group(2).trim(), params));
            last = m.end();
            if (go && !m.group(3).isEmpty()) {
                while (last < template.length() && Character.isWhitespace(template.charAt(last))) last++;
            }
        }
        sb.append(template.substring(last));
        return sb.toString();
    }

    private static String fast(String written, String key, Map<String, Object> params) {
        Object v = params.containsKey(key) ? params.get(key) : lookup(params, key);
        return v == null || v instanceof Map || v instanceof List ? written : String.valueOf(v);
    }

    private String evaluate(String action, Map<String, Object> params) {
        if (action.startsWith("/*")) return "";
        List<List<String>> stages = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        Matcher t = TOKEN.matcher(action);
        while (t.find()) {
            if (t.group().equals("|")) {
                stages.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t.group());
            }
        }
        stages.add(cur);
        Object value = null;
        boolean first = true;
        for (List<String> stage : stages) {
            if (stage.isEmpty()) throw new Unevaluable("its template has an empty pipeline in {{" + action + "}}");
            value = first ? command(stage, null, false, params) : command(stage, value, true, params);
            first = false;
        }
        if (value == null) return "<no value>";
        return value instanceof Map || value instanceof List ? String.valueOf(value) : String.valueOf(value);
    }

    private Object command(List<String> words, Object piped, boolean hasPiped, Map<String, Object> params) {
        String head = words.get(0);
        if (words.size() == 1 && !hasPiped && !isFunction(head)) return operand(head, params);
        List<Object> args = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) args.add(operand(words.get(i), params));
        if (hasPiped) args.add(piped);
        return call(head, args);
    }

    private static boolean isFunction(String word) {
        return !word.startsWith(".")
                && !word.startsWith("\"")
                && !word.startsWith("`")
                && !word.startsWith("$")
                && !word.matches("-?\\d+(\\.\\d+)?")
                && !word.equals("true")
                && !word.equals("false");
    }

    private Object operand(String word, Map<String, Object> params) {
        if (word.startsWith("\""))
            return word.substring(1, word.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        if (word.startsWith("`")) return word.substring(1, word.length() - 1);
        if (word.matches("-?\\d+")) return Long.parseLong(word);
        if (word.equals("true") || word.equals("false")) return Boolean.parseBoolean(word);
        if (word.equals(".")) return params;
        if (word.startsWith(".")) {
            String key = word.substring(1);
            Object v = lookup(params, key);
            if (v == null && missingKeyError) {
                throw new Unevaluable(
                        "its template refers to ." + key + ", which its generators do not set (goTemplateOptions "
                                + "missingkey=error: Argo CD generates nothing)");
            }
            return v;
        }
        throw new Unevaluable("its template uses " + word + ", which kfboot does not evaluate");
    }

    private static Object call(String fn, List<Object> args) {
        try {
            return switch (fn) {
                case "default" -> empty(args.get(1)) ? args.get(0) : args.get(1);
                case "lower" -> str(args.get(0)).toLowerCase(Locale.ROOT);
                case "upper" -> str(args.get(0)).toUpperCase(Locale.ROOT);
                case "title" -> title(str(args.get(0)));
                case "trim" -> str(args.get(0)).strip();
                case "quote" -> "\"" + str(args.get(0)) + "\"";
                case "replace" -> str(args.get(2)).replace(str(args.get(0)), str(args.get(1)));
                case "trimPrefix" -> {
                    String s = str(args.get(1));
                    yield s.startsWith(str(args.get(0)))
                            ? s.substring(str(args.get(0)).length())
                            : s;
                }
                case "trimSuffix" -> {
                    String s = str(args.get(1));
                    yield s.endsWith(str(args.get(0)))
                            ? s.substring(0, s.length() - str(args.get(0)).length())
                            : s;
                }
                case "trunc" -> {
                    String s = str(args.get(1));
                    int n = (int) Long.parseLong(str(args.get(0)));
                    yield n >= 0 ? s.substring(0, Math.min(n, s.length())) : s.substring(Math.max(0, s.length() + n));
                }
                case "index" -> {
                    Object cur = args.get(0);
                    for (int i = 1; i < args.size(); i++) {
                        if (cur instanceof Map<?, ?> m) cur = m.get(str(args.get(i)));
                        else if (cur instanceof List<?> l) cur = l.get((int) Long.parseLong(str(args.get(i))));
                        else cur = null;
                    }
                    yield cur;
                }
                case "normalize" -> AppSetExpander.normalized(str(args.get(0)));
                default -> throw new Unevaluable("its template calls " + fn + ", which kfboot does not evaluate");
            };
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new Unevaluable("its template calls " + fn + " with arguments kfboot cannot evaluate");
        }
    }

    private static boolean empty(Object o) {
        return o == null
                || o instanceof String s && s.isEmpty()
                || o instanceof Map<?, ?> m && m.isEmpty()
                || o instanceof List<?> l && l.isEmpty()
                || Boolean.FALSE.equals(o);
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : s.toCharArray()) {
            sb.append(up ? Character.toUpperCase(c) : c);
            up = Character.isWhitespace(c);
        }
        return sb.toString();
    }

    /** A dotted key through nested maps ({@code metadata.labels.env}); a flat key ({@code path.basename}) first. */
    static Object lookup(Map<String, Object> params, String dotted) {
        if (params.containsKey(dotted)) return params.get(dotted);
        Object cur = params;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) return null;
            cur = m.get(part);
        }
        return cur;
    }
}
