package dev.kfboot.argocd;

import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Applications, ApplicationSets and AppProjects out of YAML documents leniently, the way Argo CD
 * reads them: missing fields are nulls for the rules to judge, not errors. Every record keeps its file and
 * line; sources keep the line of their path.
 */
public final class ArgoReader {

    private ArgoReader() {}

    /** What a document is, by apiVersion group and kind. */
    public static GroupKind kindOf(YNode doc) {
        if (!(doc instanceof YMap m)) return new GroupKind("", "");
        return GroupKind.of(str(m, "apiVersion"), str(m, "kind"));
    }

    public static Application application(YNode doc, String file) {
        YMap m = (YMap) doc;
        YMap meta = map(m, "metadata");
        return fromSpec(str(meta, "name"), str(meta, "namespace"), meta, map(m, "spec"), file, m.line());
    }

    public static ApplicationSet applicationSet(YNode doc, String file) {
        YMap m = (YMap) doc;
        YMap meta = map(m, "metadata");
        YMap spec = map(m, "spec");
        YMap template = map(spec, "template");
        YMap tmeta = map(template, "metadata");
        Application t = fromSpec(
                str(tmeta, "name"),
                str(tmeta, "namespace"),
                tmeta,
                map(template, "spec"),
                file,
                template.line() > 0 ? template.line() : m.line());
        List<Map<String, Object>> generators = new ArrayList<>();
        for (YNode g : seq(spec, "generators")) if (g.toPlain() instanceof Map<?, ?> gm) generators.add(cast(gm));
        Object strategy = spec.get("strategy").map(YNode::toPlain).orElse(null);
        return new ApplicationSet(
                str(meta, "name"),
                str(meta, "namespace"),
                strings(meta, "annotations"),
                generators,
                t,
                strategy instanceof Map<?, ?> sm ? cast(sm) : Map.of(),
                new Location(file, m.line()));
    }

    public static AppProject appProject(YNode doc, String file) {
        YMap m = (YMap) doc;
        YMap meta = map(m, "metadata");
        YMap spec = map(m, "spec");
        List<String> repos = new ArrayList<>();
        for (YNode r : seq(spec, "sourceRepos")) if (r instanceof YScalar s) repos.add(s.value());
        List<AppProject.Destination> dests = new ArrayList<>();
        for (YNode d : seq(spec, "destinations")) {
            if (d instanceof YMap dm)
                dests.add(new AppProject.Destination(str(dm, "server"), str(dm, "name"), str(dm, "namespace")));
        }
        return new AppProject(
                str(meta, "name"),
                str(meta, "namespace"),
                repos,
                dests,
                groupKinds(spec, "clusterResourceWhitelist"),
                groupKinds(spec, "namespaceResourceWhitelist"),
                new Location(file, m.line()));
    }

    private static Application fromSpec(String name, String namespace, YMap meta, YMap spec, String file, int line) {
        List<AppSource> sources = new ArrayList<>();
        spec.get("source").filter(n -> n instanceof YMap).ifPresent(n -> sources.add(source((YMap) n, file)));
        for (YNode s : seq(spec, "sources")) if (s instanceof YMap sm) sources.add(source(sm, file));
        YMap dest = map(spec, "destination");
        List<String> finalizers = new ArrayList<>();
        for (YNode f : seq(meta, "finalizers")) if (f instanceof YScalar s) finalizers.add(s.value());
        return new Application(
                name,
                namespace,
                strings(meta, "labels"),
                strings(meta, "annotations"),
                finalizers,
                str(spec, "project"),
                sources,
                str(dest, "server"),
                str(dest, "name"),
                str(dest, "namespace"),
                syncPolicy(map(spec, "syncPolicy")),
                ignores(spec),
                new Location(file, line));
    }

    private static AppSource source(YMap s, String file) {
        int line = s.get("path").map(YNode::line).orElse(s.line());
        return new AppSource(
                str(s, "repoURL"), str(s, "targetRevision"), str(s, "path"), str(s, "chart"), new Location(file, line));
    }

    private static SyncPolicy syncPolicy(YMap p) {
        SyncPolicy.Automated automated = null;
        Optional<YNode> a = p.get("automated");
        if (a.isPresent() && a.get() instanceof YMap am) {
            boolean enabled = !"false".equals(str(am, "enabled"));
            if (enabled)
                automated =
                        new SyncPolicy.Automated("true".equals(str(am, "prune")), "true".equals(str(am, "selfHeal")));
        }
        List<String> options = new ArrayList<>();
        for (YNode o : seq(p, "syncOptions")) if (o instanceof YScalar s) options.add(s.value());
        SyncPolicy.Retry retry = null;
        YMap r = map(p, "retry");
        if (!r.entries().isEmpty()) {
            YMap b = map(r, "backoff");
            retry = new SyncPolicy.Retry(
                    intOr(str(r, "limit"), -1), str(b, "duration"), intOr(str(b, "factor"), 2), str(b, "maxDuration"));
        }
        return new SyncPolicy(automated, options, retry);
    }

    private static List<IgnoreDifference> ignores(YMap spec) {
        List<IgnoreDifference> out = new ArrayList<>();
        for (YNode n : seq(spec, "ignoreDifferences")) {
            if (!(n instanceof YMap m)) continue;
            out.add(new IgnoreDifference(
                    str(m, "group"),
                    str(m, "kind"),
                    str(m, "name"),
                    str(m, "namespace"),
                    scalars(m, "jsonPointers"),
                    scalars(m, "jqPathExpressions")));
        }
        return out;
    }

    private static List<GroupKind> groupKinds(YMap spec, String key) {
        List<GroupKind> out = new ArrayList<>();
        for (YNode n : seq(spec, key)) if (n instanceof YMap m) out.add(new GroupKind(str(m, "group"), str(m, "kind")));
        return out;
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String str(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YScalar s && s.type() != YScalar.Type.NULL)
                .map(n -> ((YScalar) n).value())
                .orElse(null);
    }

    static YMap map(YMap m, String key) {
        return m.get(key).filter(n -> n instanceof YMap).map(n -> (YMap) n).orElse(new YMap(Map.of(), m.line()));
    }

    static List<YNode> seq(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YSeq)
                .map(n -> ((YSeq) n).items())
                .orElse(List.of());
    }

    private static List<String> scalars(YMap m, String key) {
        List<String> out = new ArrayList<>();
        for (YNode n : seq(m, key)) if (n instanceof YScalar s) out.add(s.value());
        return out;
    }

    private static Map<String, String> strings(YMap m, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (YMap.Entry e : map(m, key).entries().values()) {
            if (e.value() instanceof YScalar s) out.put(e.key(), s.value());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
