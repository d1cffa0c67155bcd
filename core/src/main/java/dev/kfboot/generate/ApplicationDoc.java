package dev.kfboot.generate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.argocd.SyncPolicy;
import dev.kfboot.spec.ClusterRef;
import dev.kfboot.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argo CD objects as plain maps in the field order people write them, for {@link YamlWriter}. */
final class ApplicationDoc {

    private ApplicationDoc() {}

    static Map<String, Object> object(
            String kind,
            String name,
            String namespace,
            Map<String, String> labels,
            Map<String, String> annotations,
            boolean cascadeDelete) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", ArgoCd.API_VERSION);
        doc.put("kind", kind);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        meta.put("namespace", namespace);
        if (!labels.isEmpty()) meta.put("labels", new LinkedHashMap<>(labels));
        if (!annotations.isEmpty()) meta.put("annotations", new LinkedHashMap<>(annotations));
        if (cascadeDelete) meta.put("finalizers", List.of(ArgoCd.RESOURCES_FINALIZER));
        doc.put("metadata", meta);
        return doc;
    }

    /** The spec of an Application (also an ApplicationSet's template spec). */
    static Map<String, Object> spec(
            String project,
            GitSource source,
            Map<String, Object> destination,
            Map<String, Object> syncPolicy,
            List<IgnoreDifference> ignores) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("project", project);
        spec.put("source", source(source));
        spec.put("destination", destination);
        spec.put("syncPolicy", syncPolicy);
        if (!ignores.isEmpty()) {
            List<Object> list = new ArrayList<>();
            for (IgnoreDifference d : ignores) list.add(ignore(d));
            spec.put("ignoreDifferences", list);
        }
        return spec;
    }

    static Map<String, Object> source(GitSource s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repoURL", s.repoURL());
        m.put("targetRevision", s.targetRevision());
        m.put("path", s.path().isEmpty() ? "." : s.path());
        return m;
    }

    static Map<String, Object> destination(ClusterRef cluster, String namespace) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (cluster.server() != null) m.put("server", cluster.server());
        else m.put("name", cluster.name());
        m.put("namespace", namespace);
        return m;
    }

    static Map<String, Object> syncPolicy(
            boolean automated, boolean prune, boolean selfHeal, List<String> options, SyncPolicy.Retry retry) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (automated) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("prune", prune);
            a.put("selfHeal", selfHeal);
            m.put("automated", a);
        }
        if (!options.isEmpty()) m.put("syncOptions", List.copyOf(options));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("limit", retry.limit());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("duration", retry.duration());
        b.put("factor", retry.factor());
        b.put("maxDuration", retry.maxDuration());
        r.put("backoff", b);
        m.put("retry", r);
        return m;
    }

    static Map<String, Object> ignore(IgnoreDifference d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", d.group());
        m.put("kind", d.kind());
        if (d.name() != null) m.put("name", d.name());
        if (d.namespace() != null) m.put("namespace", d.namespace());
        if (!d.jsonPointers().isEmpty()) m.put("jsonPointers", d.jsonPointers());
        if (!d.jqPathExpressions().isEmpty()) m.put("jqPathExpressions", d.jqPathExpressions());
        return m;
    }
}
