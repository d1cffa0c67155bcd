package dev.kfboot.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kfboot.model.Json;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import dev.kfboot.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an ApplicationSet template with one parameter set, in either of Argo CD's syntaxes. The {@code {{name}}}
 * syntax (fasttemplate) replaces a parameter it knows and leaves any other placeholder as written. Go templates
 * ({@code goTemplate: true}) are evaluated for what ApplicationSets use in practice: field chains
 * ({@code {{ .path.basename }}}), {@code index}, string literals and pipelines through Sprig's string functions
 * ({@code default}, {@code lower}, {@code upper}, {@code replace}, {@code trimPrefix}, {@code trimSuffix},
 * {@code trunc}, {@code quote}, {@code title}, {@code trim}, {@code toJson}), and the blocks a templatePatch uses:
 * {@code if}/{@code else}/{@code end} and {@code range} with variables; anything else ({@code with}, a
 * {@code range} that rebinds the dot, other functions) throws {@link Unevaluable}, so the set is unverified rather
 * than guessed. A missing key prints {@code <no value>} as Go does, or with {@code missingkey=error} is unevaluable.
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
        if (!go) {
            StringBuilder sb = new StringBuilder();
            int last = 0;
            while (m.find()) {
                sb.append(template, last, m.start())
                        .append(fast(m.group(), m.group(2).trim(), params));
                last = m.end();
            }
            return sb.append(template.substring(last)).toString();
        }
        // Go: the text between actions, each trimmed as {{- and -}} ask, and the actions
        List<Object> parts = new ArrayList<>();
        int last = 0;
        boolean trimNext = false;
        while (m.find()) {
            String before = template.substring(last, m.start());
            if (trimNext) before = before.stripLeading();
            if (!m.group(1).isEmpty()) before = before.stripTrailing();
            parts.add(before);
            parts.add(new Action(m.group(2).trim()));
            trimNext = !m.group(3).isEmpty();
            last = m.end();
        }
        parts.add(trimNext ? template.substring(last).stripLeading() : template.substring(last));
        return new Evaluation(parts, params).text();
    }

    /** An action between {{ and }}, trimmed. */
    private record Action(String body) {}

    private static final Pattern RANGE = Pattern.compile("range\\s+(?:(\\$\\w+)\\s*,\\s*)?(\\$\\w+)\\s*:=\\s*(.+)");
    /** What one template may write, and how many actions it may run: ranges inside ranges multiply both. */
    static final int MAX_OUTPUT_CHARS = YamlLimits.USER.maxDocumentCodePoints();

    static final int MAX_STEPS = 1_000_000;

    /** One run of a Go template over one parameter set: where it is in the parts, and what it wrote. */
    private final class Evaluation {

        private final List<Object> parts;
        private final Map<String, Object> params;
        private final StringBuilder out = new StringBuilder();
        private int pos;
        private int steps;

        Evaluation(List<Object> parts, Map<String, Object> params) {
            this.parts = parts;
            this.params = params;
        }

        String text() {
            String stop = run(Map.of(), true);
            if (!stop.isEmpty()) throw new Unevaluable("its template has an {{" + stop + "}} without a block to close");
            return out.toString();
        }

        /**
         * Runs the parts up to the {@code end} or {@code else} that closes the block it is in (or the end), writing
         * output only when {@code emit}: a block not taken is still read through, to find its end. Knows
         * {@code if}/{@code else}/{@code end} and {@code range $k, $v := ...} / {@code range $v := ...} over maps (in
         * key order, as Go) and lists; other actions with a block ({@code with}, {@code define}, {@code template}, a
         * {@code range} that rebinds the dot) are unevaluable.
         *
         * @return "end" or "else" when one stopped it, "" at the end of the template
         */
        private String run(Map<String, Object> vars, boolean emit) {
            while (pos < parts.size()) {
                if (++steps > MAX_STEPS || out.length() > MAX_OUTPUT_CHARS) {
                    throw new Unevaluable("its template runs more than " + MAX_STEPS + " actions or writes more than "
                            + MAX_OUTPUT_CHARS + " characters");
                }
                Object part = parts.get(pos++);
                if (part instanceof String text) {
                    if (emit) out.append(text);
                    continue;
                }
                String a = ((Action) part).body();
                if (a.equals("end") || a.equals("else")) return a;
                if (a.startsWith("if ")) {
                    boolean taken = emit && truthy(value(a.substring(3).trim(), params, vars));
                    String stop = run(vars, taken);
                    if (stop.equals("else")) stop = run(vars, emit && !taken);
                    if (!stop.equals("end")) throw new Unevaluable("its template has an {{if}} without {{end}}");
                } else if (a.startsWith("range ")) {
                    range(a, vars, emit);
                } else if (a.matches("(with|define|template|block)\\b.*")) {
                    throw new Unevaluable("its template uses {{" + a + "}}, which kfboot does not evaluate");
                } else if (emit && !a.startsWith("/*")) {
                    out.append(shown(value(a, params, vars)));
                }
            }
            return "";
        }

        private void range(String action, Map<String, Object> vars, boolean emit) {
            Matcher r = RANGE.matcher(action);
            if (!r.matches())
                throw new Unevaluable("its template uses {{" + action + "}}, which kfboot does not evaluate");
            List<Map.Entry<Object, Object>> items = new ArrayList<>();
            Object over = emit ? value(r.group(3).trim(), params, vars) : null;
            if (over instanceof Map<?, ?> m) {
                Map<String, Object> sorted = new TreeMap<>();
                m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
                sorted.forEach((k, v) -> items.add(Map.entry(k, v)));
            } else if (over instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) items.add(Map.entry((long) i, l.get(i)));
            } else if (over != null) {
                throw new Unevaluable("its template ranges over " + r.group(3).trim() + ", which is not a map or list");
            }
            int body = pos;
            String stop = items.isEmpty() ? run(vars, false) : "";
            for (Map.Entry<Object, Object> item : items) {
                pos = body;
                Map<String, Object> inner = new LinkedHashMap<>(vars);
                if (r.group(1) != null) inner.put(r.group(1), item.getKey());
                inner.put(r.group(2), item.getValue());
                stop = run(inner, true);
            }
            // a range's else runs when there was nothing to range over
            if (stop.equals("else")) stop = run(vars, emit && items.isEmpty());
            if (!stop.equals("end")) throw new Unevaluable("its template has a {{range}} without {{end}}");
        }
    }

    /** Go's truth: false, 0, nil and empty strings, maps and lists are false. */
    private static boolean truthy(Object o) {
        return !empty(o) && !(o instanceof Long n && n == 0);
    }

    private static String fast(String written, String key, Map<String, Object> params) {
        Object v = params.containsKey(key) ? params.get(key) : lookup(params, key);
        return v == null || v instanceof Map || v instanceof List ? written : String.valueOf(v);
    }

    private static String shown(Object value) {
        return value == null ? "<no value>" : String.valueOf(value);
    }

    private Object value(String action, Map<String, Object> params, Map<String, Object> vars) {
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
            value = first ? command(stage, null, false, params, vars) : command(stage, value, true, params, vars);
            first = false;
        }
        return value;
    }

    private Object command(
            List<String> words, Object piped, boolean hasPiped, Map<String, Object> params, Map<String, Object> vars) {
        String head = words.get(0);
        if (words.size() == 1 && !hasPiped && !isFunction(head)) return operand(head, params, vars);
        List<Object> args = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) args.add(operand(words.get(i), params, vars));
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

    private Object operand(String word, Map<String, Object> params, Map<String, Object> vars) {
        if (vars.containsKey(word)) return vars.get(word);
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
                case "toJson" -> Json.mapper().writeValueAsString(args.get(0));
                default -> throw new Unevaluable("its template calls " + fn + ", which kfboot does not evaluate");
            };
        } catch (IndexOutOfBoundsException | NumberFormatException | JsonProcessingException e) {
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
