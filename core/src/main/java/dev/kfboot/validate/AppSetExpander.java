package dev.kfboot.validate;

import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an ApplicationSet into the Applications it generates, as far as the tree alone can tell: the
 * elements of {@code list} generators (also inside {@code matrix} and {@code merge}) fill the template's
 * {@code {{param}}} / {@code {{.param}}} placeholders; generators that need a cluster or a git server
 * ({@code clusters}, {@code git}, ...) contribute nothing and their placeholders stay as written.
 */
final class AppSetExpander {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{-?\\s*\\.?([A-Za-z0-9_.\\-]+)\\s*-?}}");

    private AppSetExpander() {}

    /** One Application document (apiVersion, kind, metadata, spec) per distinct generated name. */
    static List<YMap> expand(YMap appSet) {
        YMap spec = map(appSet, "spec");
        YMap template = map(spec, "template");
        List<Map<String, Object>> params = new ArrayList<>();
        params.add(Map.of());
        for (YNode g : seq(spec, "generators")) params = product(params, paramsOf(g));
        Map<String, YMap> byName = new LinkedHashMap<>();
        for (Map<String, Object> p : params) {
            Map<String, YMap.Entry> entries = new LinkedHashMap<>();
            entries.put("apiVersion", new YMap.Entry("apiVersion", template.line(),
                    new YScalar("argoproj.io/v1alpha1", YScalar.Type.STRING, true, template.line())));
            entries.put("kind", new YMap.Entry("kind", template.line(),
                    new YScalar("Application", YScalar.Type.STRING, true, template.line())));
            template.entries().forEach((k, e) -> entries.put(k, new YMap.Entry(k, e.keyLine(), fill(e.value(), p))));
            YMap app = new YMap(entries, template.line() > 0 ? template.line() : appSet.line());
            byName.putIfAbsent(nameOf(app), app);
        }
        return List.copyOf(byName.values());
    }

    private static String nameOf(YMap app) {
        return map(app, "metadata").get("name").filter(n -> n instanceof YScalar).map(n -> ((YScalar) n).value()).orElse("");
    }

    private static List<Map<String, Object>> paramsOf(YNode generator) {
        if (!(generator instanceof YMap g)) return List.of(Map.of());
        Optional<YNode> list = g.get("list");
        if (list.isPresent() && list.get() instanceof YMap l) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (YNode e : seq(l, "elements")) if (e.toPlain() instanceof Map<?, ?> m) out.add(cast(m));
            return out.isEmpty() ? List.of(Map.of()) : out;
        }
        for (String combiner : List.of("matrix", "merge")) {
            Optional<YNode> c = g.get(combiner);
            if (c.isPresent() && c.get() instanceof YMap cm) {
                List<Map<String, Object>> out = new ArrayList<>();
                out.add(Map.of());
                for (YNode child : seq(cm, "generators")) out = product(out, paramsOf(child));
                return out;
            }
        }
        return List.of(Map.of()); // clusters, git, scm, pull request ...: values only a live Argo CD knows
    }

    private static List<Map<String, Object>> product(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> x : a) {
            for (Map<String, Object> y : b) {
                Map<String, Object> m = new LinkedHashMap<>(x);
                m.putAll(y);
                out.add(m);
            }
        }
        return out;
    }

    static YNode fill(YNode node, Map<String, Object> params) {
        if (params.isEmpty()) return node;
        if (node instanceof YScalar s) {
            if (!s.value().contains("{{")) return s;
            Matcher m = PLACEHOLDER.matcher(s.value());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                Object v = lookup(params, m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
            }
            m.appendTail(sb);
            return new YScalar(sb.toString(), YScalar.Type.STRING, false, s.line());
        }
        if (node instanceof YSeq q) {
            List<YNode> items = new ArrayList<>();
            for (YNode i : q.items()) items.add(fill(i, params));
            return new YSeq(items, q.line());
        }
        YMap m = (YMap) node;
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        m.entries().forEach((k, e) -> entries.put(k, new YMap.Entry(k, e.keyLine(), fill(e.value(), params))));
        return new YMap(entries, m.line());
    }

    private static Object lookup(Map<String, Object> params, String dotted) {
        Object cur = params;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) return null;
            cur = m.get(part);
        }
        return cur instanceof Map || cur instanceof List ? null : cur;
    }

    private static YMap map(YMap m, String key) {
        return m.get(key).filter(n -> n instanceof YMap).map(n -> (YMap) n).orElse(new YMap(Map.of(), m.line()));
    }

    private static List<YNode> seq(YMap m, String key) {
        return m.get(key).filter(n -> n instanceof YSeq).map(n -> ((YSeq) n).items()).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
