package dev.kfboot.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.RepoUrls;
import dev.kfboot.model.Severity;
import dev.kfboot.yaml.RenderedYaml;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import dev.kfboot.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns an ApplicationSet into the Applications it generates, as Argo CD's controller would offline: {@code list},
 * {@code clusters} (cluster Secrets of the tree and {@code --cluster}; {@code values}, label selectors, the
 * in-cluster cluster), {@code git} directories and files (in a local checkout of the generator's repository), and
 * {@code matrix} / {@code merge} of those. Templates are filled in with Go template syntax
 * ({@code goTemplate: true}, {@code goTemplateOptions}) or the {@code {{name}}} syntax ({@link AppSetTemplate}).
 * A generator kfboot cannot evaluate offline (SCM provider, pull request, plugin, cluster decision resource,
 * clusters with no cluster Secret in the tree, a git repository without a checkout) makes the set unverified. A
 * {@code templatePatch} is filled in the same way and merged into each Application; one kfboot cannot evaluate is
 * left out, and a note says so.
 */
public final class AppSetExpander {

    /** The label that makes a Secret an Argo CD cluster. */
    public static final String CLUSTER_SECRET_LABEL = "argocd.argoproj.io/secret-type";

    static final String IN_CLUSTER = "https://kubernetes.default.svc";
    private static final int MAX_PARAMS = 10_000;

    /**
     * A cluster the {@code clusters} generator can select: from a cluster Secret or {@code --cluster NAME=URL[,k=v]}.
     */
    public record Cluster(String name, String server, Map<String, String> labels, Map<String, String> annotations) {

        public Cluster {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }

        /** {@code NAME=URL[,label=value...]}, as {@code --cluster} takes it. */
        public static Cluster parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected NAME=URL[,label=value], got " + spec);
            String[] parts = spec.substring(eq + 1).split(",");
            if (parts[0].isBlank()) throw new IllegalArgumentException("expected NAME=URL[,label=value], got " + spec);
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int e = parts[i].indexOf('=');
                if (e <= 0) throw new IllegalArgumentException("expected label=value after the URL, got " + parts[i]);
                labels.put(
                        parts[i].substring(0, e).trim(),
                        parts[i].substring(e + 1).trim());
            }
            return new Cluster(spec.substring(0, eq).trim(), parts[0].trim(), labels, Map.of());
        }
    }

    /** The generated Applications and why any part could not be generated. */
    public record Expansion(List<YMap> apps, List<Finding> unverified) {}

    private final RepoRoot repo;
    private final SourceResolver locality;
    private final Map<String, Path> sources;
    private final List<Cluster> clusters;

    AppSetExpander(RepoRoot repo, Map<String, Path> sources, String repoUrl, List<Cluster> clusters) {
        this.repo = repo;
        this.sources = sources;
        this.locality = repo == null ? null : new SourceResolver(repo, sources, repoUrl);
        this.clusters = List.copyOf(clusters);
    }

    /** Only {@code list} generators: what the tree alone tells without a repository or clusters. */
    static List<YMap> expand(YMap appSet) {
        return new AppSetExpander(null, Map.of(), null, List.of())
                .expand(appSet, "")
                .apps();
    }

    /** A cluster Secret ({@code argocd.argoproj.io/secret-type: cluster}) as a cluster, or empty. */
    static Optional<Cluster> clusterSecret(YNode doc) {
        if (!(doc.toPlain() instanceof Map<?, ?> m) || !"Secret".equals(m.get("kind"))) return Optional.empty();
        Map<String, String> labels = strings(path(m, "metadata", "labels"));
        if (!"cluster".equals(labels.get(CLUSTER_SECRET_LABEL))) return Optional.empty();
        Map<String, String> data = strings(m.get("stringData"));
        Map<String, String> encoded = strings(m.get("data"));
        String name = data.containsKey("name") ? data.get("name") : decode(encoded.get("name"));
        String server = data.containsKey("server") ? data.get("server") : decode(encoded.get("server"));
        if (server == null) return Optional.empty();
        return Optional.of(
                new Cluster(name == null ? server : name, server, labels, strings(path(m, "metadata", "annotations"))));
    }

    Expansion expand(YMap appSet, String file) {
        YMap spec = map(appSet, "spec");
        YMap template = map(spec, "template");
        boolean go = spec.get("goTemplate")
                .map(n -> n instanceof YScalar s && s.value().equals("true"))
                .orElse(false);
        List<String> options = new ArrayList<>();
        for (YNode o : seq(spec, "goTemplateOptions")) if (o instanceof YScalar s) options.add(s.value());
        String name = nameOf(appSet);
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> params = new ArrayList<>();
        params.add(Map.of());
        for (YNode g : seq(spec, "generators")) params = product(params, paramsOf(g, go, problems));
        AppSetTemplate tpl = new AppSetTemplate(go, options.contains("missingkey=error"));
        // Argo CD fills in the templatePatch (Go templates only) and merges it into each Application
        YMap.Entry patch = spec.entries().get("templatePatch");
        String patchText = patch != null && patch.value() instanceof YScalar ps ? ps.value() : null;
        List<String> patchProblem = new ArrayList<>();
        if (patchText != null && !go) patchProblem.add("a templatePatch needs goTemplate: true");
        Map<String, YMap> byName = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            for (Map<String, Object> p : params) {
                Map<String, YMap.Entry> entries = new LinkedHashMap<>();
                entries.put(
                        "apiVersion",
                        new YMap.Entry(
                                "apiVersion",
                                template.line(),
                                new YScalar("argoproj.io/v1alpha1", YScalar.Type.STRING, true, template.line())));
                entries.put(
                        "kind",
                        new YMap.Entry(
                                "kind",
                                template.line(),
                                new YScalar("Application", YScalar.Type.STRING, true, template.line())));
                try {
                    template.entries()
                            .forEach((k, e) -> entries.put(k, new YMap.Entry(k, e.keyLine(), tpl.fill(e.value(), p))));
                } catch (AppSetTemplate.Unevaluable e) {
                    problems.add(e.getMessage());
                    break;
                }
                YMap app = new YMap(entries, template.line() > 0 ? template.line() : appSet.line());
                if (patchText != null && patchProblem.isEmpty()) {
                    try {
                        app = patched(app, tpl.text(patchText, p), patch.keyLine(), name);
                    } catch (AppSetTemplate.Unevaluable | InputException e) {
                        patchProblem.add(e.getMessage());
                    }
                }
                byName.putIfAbsent(nameOf(app), app);
            }
        }
        if (!problems.isEmpty()) {
            Finding f = new Finding(
                    ValidationContext.UNVERIFIED,
                    Severity.INFO,
                    name,
                    null,
                    new Location(file, appSet.line()),
                    "ApplicationSet " + name + " is unverified: " + String.join("; ", new TreeSet<>(problems))
                            + "; the Applications it generates are not checked",
                    "pass what kfboot needs to evaluate it offline (--cluster "
                            + "NAME=URL[,label=value], --source URL=DIR), "
                            + "or validate the generated Applications with kfboot adopt from a live Argo CD");
            return new Expansion(List.of(), List.of(f));
        }
        List<Finding> notes = patchProblem.isEmpty()
                ? List.of()
                : List.of(new Finding(
                        ValidationContext.UNVERIFIED,
                        Severity.INFO,
                        name,
                        null,
                        new Location(file, patch.keyLine()),
                        "ApplicationSet " + name + "'s templatePatch is not applied (" + patchProblem.get(0)
                                + "): what it sets on the " + byName.size() + " Applications it generates (sync"
                                + " options, ignoreDifferences, labels) is not part of the checks",
                        "move what every generated Application needs into the template, where kfboot fills it in;"
                                + " findings about sync options and ignoreDifferences may not hold for these apps"));
        return new Expansion(List.copyOf(byName.values()), notes);
    }

    /**
     * The Application with the filled-in templatePatch merged in, as Argo CD's strategic merge does for an
     * Application: maps merge key by key, anything else is replaced. Its nodes carry the templatePatch's line.
     */
    private static YMap patched(YMap app, String patchText, int line, String set) {
        List<YNode> docs = YamlReader.forUserFiles().parseAll(patchText, "the templatePatch of " + set);
        if (docs.isEmpty()) return app;
        if (!(docs.get(0) instanceof YMap p))
            throw new AppSetTemplate.Unevaluable("its templatePatch is not a mapping");
        return (YMap) merged(app, relined(p, line));
    }

    private static YNode merged(YNode base, YNode patch) {
        if (!(base instanceof YMap b) || !(patch instanceof YMap p)) return patch;
        Map<String, YMap.Entry> entries = new LinkedHashMap<>(b.entries());
        p.entries().forEach((k, e) -> {
            YMap.Entry old = entries.get(k);
            entries.put(k, new YMap.Entry(k, e.keyLine(), old == null ? e.value() : merged(old.value(), e.value())));
        });
        return new YMap(entries, b.line());
    }

    private static YNode relined(YNode n, int line) {
        if (n instanceof YScalar s) return new YScalar(s.value(), s.type(), s.plain(), line);
        if (n instanceof YSeq q)
            return new YSeq(q.items().stream().map(i -> relined(i, line)).toList(), line);
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        ((YMap) n).entries().forEach((k, e) -> entries.put(k, new YMap.Entry(k, line, relined(e.value(), line))));
        return new YMap(entries, line);
    }

    private static String nameOf(YMap doc) {
        return map(doc, "metadata")
                .get("name")
                .filter(n -> n instanceof YScalar)
                .map(n -> ((YScalar) n).value())
                .orElse("");
    }

    private List<Map<String, Object>> paramsOf(YNode generator, boolean go, List<String> problems) {
        if (!(generator instanceof YMap g)) return List.of(Map.of());
        for (Map.Entry<String, YMap.Entry> e : g.entries().entrySet()) {
            if (e.getKey().equals("selector") || e.getKey().equals("values")) continue;
            if (!(e.getValue().value() instanceof YMap body)) continue;
            List<Map<String, Object>> out = switch (e.getKey()) {
                case "list" -> list(body, problems);
                case "clusters" -> clusters(body, go, problems);
                case "git" -> git(body, go, problems);
                case "matrix" -> {
                    List<Map<String, Object>> m = new ArrayList<>();
                    m.add(Map.of());
                    for (YNode child : seq(body, "generators")) m = product(m, paramsOf(child, go, problems));
                    yield m;
                }
                case "merge" -> merge(body, go, problems);
                default -> {
                    problems.add(
                            "its " + e.getKey() + " generator needs a live Argo CD (kfboot evaluates list, clusters, "
                                    + "git, matrix and merge offline)");
                    yield List.of();
                }
            };
            if (out.size() > MAX_PARAMS) {
                problems.add("its generators produce more than " + MAX_PARAMS + " parameter sets");
                return List.of();
            }
            return out;
        }
        return List.of(Map.of());
    }

    private static List<Map<String, Object>> list(YMap body, List<String> problems) {
        if (body.get("elementsYaml").isPresent()) {
            problems.add("its list generator takes elementsYaml, which kfboot does not evaluate");
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (YNode e : seq(body, "elements")) if (e.toPlain() instanceof Map<?, ?> m) out.add(cast(m));
        return out;
    }

    private List<Map<String, Object>> clusters(YMap body, boolean go, List<String> problems) {
        if (clusters.isEmpty()) {
            problems.add("its clusters generator selects from the cluster Secrets of a live Argo CD and the tree holds "
                    + "none (pass --cluster NAME=URL[,label=value])");
            return List.of();
        }
        Map<String, Object> values = body.get("values")
                .map(YNode::toPlain)
                .filter(v -> v instanceof Map<?, ?>)
                .map(v -> cast((Map<?, ?>) v))
                .orElse(Map.of());
        Map<String, String> matchLabels = strings(body.get("selector")
                .map(YNode::toPlain)
                .map(s -> s instanceof Map<?, ?> sm ? sm.get("matchLabels") : null)
                .orElse(null));
        boolean selects = body.get("selector").isPresent();
        if (body.get("selector")
                .map(YNode::toPlain)
                .map(s -> s instanceof Map<?, ?> sm && sm.get("matchExpressions") != null)
                .orElse(false)) {
            problems.add("its clusters generator selects with matchExpressions, which kfboot does not evaluate");
            return List.of();
        }
        List<Cluster> all = new ArrayList<>(clusters);
        // Argo CD always knows its own cluster; without a selector the generator includes it
        if (!selects && all.stream().noneMatch(c -> c.server().equals(IN_CLUSTER))) {
            all.add(new Cluster("in-cluster", IN_CLUSTER, Map.of(), Map.of()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Cluster c : all) {
            if (!c.labels().entrySet().containsAll(matchLabels.entrySet())) continue;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", c.name());
            p.put("nameNormalized", normalized(c.name()));
            p.put("server", c.server());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("labels", new LinkedHashMap<>(c.labels()));
            meta.put("annotations", new LinkedHashMap<>(c.annotations()));
            p.put("metadata", meta);
            AppSetTemplate valuesTpl = new AppSetTemplate(go, false);
            Map<String, Object> v = new LinkedHashMap<>();
            values.forEach((k, val) -> v.put(k, val instanceof String s ? valuesTpl.text(s, p) : val));
            p.put("values", v);
            out.add(go ? p : flatten(p));
        }
        return out;
    }

    private List<Map<String, Object>> git(YMap body, boolean go, List<String> problems) {
        String url = scalar(body, "repoURL");
        Path root = url == null ? null : checkout(url);
        if (root == null) {
            problems.add("its git generator reads " + (url == null ? "a repository" : url)
                    + ", which has no local checkout (pass --source " + (url == null ? "URL" : url) + "=DIR)");
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (body.get("directories").isPresent()) {
            List<PathMatcher> include = new ArrayList<>();
            List<PathMatcher> exclude = new ArrayList<>();
            for (YNode d : seq(body, "directories")) {
                if (!(d instanceof YMap dm)) continue;
                String path = scalar(dm, "path");
                if (path == null) continue;
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + path);
                if ("true".equals(scalar(dm, "exclude"))) exclude.add(m);
                else include.add(m);
            }
            for (Path d : walk(root, true)) {
                Path rel = root.relativize(d);
                if (include.stream().anyMatch(m -> m.matches(rel))
                        && exclude.stream().noneMatch(m -> m.matches(rel))) {
                    out.add(pathParams(rel.toString().replace('\\', '/'), go, false));
                }
            }
        } else if (body.get("files").isPresent()) {
            for (YNode f : seq(body, "files")) {
                if (!(f instanceof YMap fm) || scalar(fm, "path") == null) continue;
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + scalar(fm, "path"));
                for (Path file : walk(root, false)) {
                    Path rel = root.relativize(file);
                    if (!m.matches(rel)) continue;
                    List<Map<String, Object>> docs;
                    try {
                        docs = RenderedYaml.parse(Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException | IllegalArgumentException e) {
                        problems.add("its git files generator cannot read " + rel + ": " + e.getMessage());
                        return List.of();
                    }
                    for (Map<String, Object> doc : docs) {
                        Map<String, Object> p = new LinkedHashMap<>(doc);
                        p.putAll(pathParams(rel.toString().replace('\\', '/'), go, true));
                        out.add(go ? p : flatten(p));
                    }
                }
            }
        } else {
            problems.add("its git generator has neither directories nor files");
        }
        return out;
    }

    private Path checkout(String url) {
        for (Map.Entry<String, Path> s : sources.entrySet()) {
            if (RepoUrls.same(s.getKey(), url)) return s.getValue();
        }
        return locality != null && locality.isLocal(url) ? repo.dir() : null;
    }

    /** Directories (or regular files) below a checkout, without .git, sorted. */
    private static List<Path> walk(Path root, boolean dirs) {
        try (Stream<Path> s = Files.walk(root, 12)) {
            return s.filter(p -> !p.equals(root))
                    .filter(p -> !root.relativize(p).toString().startsWith(".git"))
                    .filter(p -> dirs ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The git generator's path parameters, nested for Go templates and flat ({@code path.basename}) otherwise. */
    private static Map<String, Object> pathParams(String rel, boolean go, boolean file) {
        String dir = file ? (rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : ".") : rel;
        String base = dir.contains("/") ? dir.substring(dir.lastIndexOf('/') + 1) : dir;
        List<String> segments = List.of(dir.split("/"));
        Map<String, Object> p = new LinkedHashMap<>();
        if (go) {
            Map<String, Object> path = new LinkedHashMap<>();
            path.put("path", dir);
            path.put("basename", base);
            path.put("basenameNormalized", normalized(base));
            path.put("segments", segments);
            if (file) {
                path.put("filename", rel.substring(rel.lastIndexOf('/') + 1));
                path.put("filenameNormalized", normalized(rel.substring(rel.lastIndexOf('/') + 1)));
            }
            p.put("path", path);
        } else {
            p.put("path", dir);
            p.put("path.basename", base);
            p.put("path.basenameNormalized", normalized(base));
            for (int i = 0; i < segments.size(); i++) p.put("path[" + i + "]", segments.get(i));
            if (file) {
                p.put("path.filename", rel.substring(rel.lastIndexOf('/') + 1));
                p.put("path.filenameNormalized", normalized(rel.substring(rel.lastIndexOf('/') + 1)));
            }
        }
        return p;
    }

    private List<Map<String, Object>> merge(YMap body, boolean go, List<String> problems) {
        List<String> keys = new ArrayList<>();
        for (YNode k : seq(body, "mergeKeys")) if (k instanceof YScalar s) keys.add(s.value());
        List<YNode> children = seq(body, "generators");
        if (children.isEmpty()) return List.of();
        List<Map<String, Object>> base = new ArrayList<>(paramsOf(children.get(0), go, problems));
        for (int i = 1; i < children.size(); i++) {
            for (Map<String, Object> over : paramsOf(children.get(i), go, problems)) {
                for (int j = 0; j < base.size(); j++) {
                    Map<String, Object> b = base.get(j);
                    if (!keys.isEmpty()
                            && keys.stream()
                                    .allMatch(k -> Objects.equals(
                                            AppSetTemplate.lookup(b, k), AppSetTemplate.lookup(over, k)))) {
                        Map<String, Object> merged = new LinkedHashMap<>(b);
                        merged.putAll(over);
                        base.set(j, merged);
                    }
                }
            }
        }
        return base;
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

    /** {@code {metadata: {labels: {a: b}}}} as {@code metadata.labels.a: b}, the {{name}} syntax's parameters. */
    private static Map<String, Object> flatten(Map<String, Object> nested) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", nested, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> m, Map<String, Object> out) {
        m.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> sub) flatten(key, sub, out);
            else out.put(key, v);
        });
    }

    /** Argo CD's {@code nameNormalized}: lower case, characters outside [a-z0-9-.] become '-'. */
    static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\-.]", "-");
    }

    private static String decode(String b64) {
        if (b64 == null) return null;
        try {
            return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Object path(Map<?, ?> m, String... keys) {
        Object cur = m;
        for (String k : keys) cur = cur instanceof Map<?, ?> c ? c.get(k) : null;
        return cur;
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m)
            m.forEach((k, v) -> {
                if (v != null) out.put(String.valueOf(k), String.valueOf(v));
            });
        return out;
    }

    private static String scalar(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YScalar s && s.type() != YScalar.Type.NULL)
                .map(n -> ((YScalar) n).value())
                .orElse(null);
    }

    private static YMap map(YMap m, String key) {
        return m.get(key).filter(n -> n instanceof YMap).map(n -> (YMap) n).orElse(new YMap(Map.of(), m.line()));
    }

    private static List<YNode> seq(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YSeq)
                .map(n -> ((YSeq) n).items())
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
