package dev.kfboot.generate;

import dev.kfboot.spec.FleetCluster;
import dev.kfboot.spec.SyncDefaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fleet form of the tree ({@code generate --applicationset}): one ApplicationSet whose matrix generator
 * crosses the spec's clusters with the platform's apps, and whose RollingSync strategy has one step per wave
 * of the plan, selecting the generated Applications by their {@value Names#WAVE} label. Progressive sync
 * waits for every Application of a step to be Healthy before the next, which is what the waves need; one
 * ApplicationSet per app could not order apps against each other. What differs per app (sync options,
 * ignoreDifferences) travels in the list elements and reaches the Application through
 * {@code templatePatch}, because a template can only fill strings.
 */
final class AppSets {

    private AppSets() {}

    static Map<String, Object> document(TreeContext ctx, List<ChildApp> apps, List<FleetCluster> clusters) {
        Map<String, Object> doc = ApplicationDoc.object(
                "ApplicationSet",
                ctx.names().platform() + "-fleet",
                ctx.argoNamespace(),
                ctx.names().labels(),
                Map.of(),
                false);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("goTemplate", true);
        spec.put("goTemplateOptions", List.of("missingkey=error"));
        List<Object> clusterElements = new ArrayList<>();
        for (FleetCluster c : clusters) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cluster", c.name());
            e.put("server", c.server());
            e.put("clusterLabels", new TreeMap<>(c.labels()));
            clusterElements.add(e);
        }
        List<Object> appElements = new ArrayList<>();
        for (ChildApp a : apps) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("app", a.id());
            e.put("name", a.name());
            e.put("wave", String.valueOf(a.wave()));
            e.put("namespace", a.namespace());
            e.put("repoURL", a.source().repoURL());
            e.put("targetRevision", a.source().targetRevision());
            e.put("path", a.source().path());
            e.put("automated", a.automated());
            e.put("syncOptions", a.syncOptions());
            List<Object> ignores = new ArrayList<>();
            a.ignores().forEach(d -> ignores.add(ApplicationDoc.ignore(d)));
            e.put("ignoreDifferences", ignores);
            appElements.add(e);
        }
        spec.put(
                "generators",
                List.of(Map.of(
                        "matrix",
                        Map.of(
                                "generators",
                                List.of(
                                        Map.of("list", Map.of("elements", clusterElements)),
                                        Map.of("list", Map.of("elements", appElements)))))));
        List<Object> steps = new ArrayList<>();
        for (Integer wave : new TreeSet<>(apps.stream().map(ChildApp::wave).toList())) {
            Map<String, Object> expr = new LinkedHashMap<>();
            expr.put("key", Names.WAVE);
            expr.put("operator", "In");
            expr.put("values", List.of(String.valueOf(wave)));
            steps.add(Map.of("matchExpressions", List.of(expr)));
        }
        Map<String, Object> strategy = new LinkedHashMap<>();
        strategy.put("type", "RollingSync");
        strategy.put("rollingSync", Map.of("steps", steps));
        spec.put("strategy", strategy);

        Map<String, String> labels = ctx.names().labels();
        labels.put(Names.COMPONENT, "{{.app}}");
        labels.put(Names.WAVE, "{{.wave}}");
        labels.put(Names.CLUSTER, "{{.cluster}}");
        Map<String, Object> template = ApplicationDoc.object(
                "Application", "{{.name}}-{{.cluster}}", ctx.argoNamespace(), labels, Map.of(), true);
        template.remove("apiVersion");
        template.remove("kind");
        Map<String, Object> tspec = new LinkedHashMap<>();
        tspec.put("project", ctx.project());
        tspec.put("source", ApplicationDoc.source(new GitSource("{{.repoURL}}", "{{.targetRevision}}", "{{.path}}")));
        Map<String, Object> dest = new LinkedHashMap<>();
        dest.put("server", "{{.server}}");
        dest.put("namespace", "{{.namespace}}");
        tspec.put("destination", dest);
        template.put("spec", tspec);
        spec.put("template", template);
        spec.put("templatePatch", templatePatch(ctx.sync()));
        doc.put("spec", spec);
        return doc;
    }

    private static String templatePatch(SyncDefaults sync) {
        var r = sync.retry();
        return """
                {{- if .clusterLabels }}
                metadata:
                  labels:
                  {{- range $key, $value := .clusterLabels }}
                    {{ $key }}: {{ $value | quote }}
                  {{- end }}
                {{- end }}
                spec:
                  syncPolicy:
                    {{- if .automated }}
                    automated:
                      prune: %s
                      selfHeal: %s
                    {{- end }}
                    syncOptions: {{ toJson .syncOptions }}
                    retry:
                      limit: %d
                      backoff:
                        duration: %s
                        factor: %d
                        maxDuration: %s
                  {{- if .ignoreDifferences }}
                  ignoreDifferences: {{ toJson .ignoreDifferences }}
                  {{- end }}
                """.formatted(sync.prune(), sync.selfHeal(), r.limit(), r.duration(), r.factor(), r.maxDuration());
    }
}
