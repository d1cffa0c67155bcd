package dev.kfboot;

import dev.kfboot.catalog.ReleaseFacts;
import dev.kfboot.graph.DeclaredEdge;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.spec.ResolvedPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When apps failed to render, what would have come from them is missing too: instead of follow-on findings such as
 * "the platform has no cert-manager", an app that needs a failed one gets one line saying its provider failed to
 * render. The failed app that ships the missing CRD is named from the release's committed facts when there are
 * some; otherwise every failed app is named, as unverified.
 */
final class ProviderFailed {

    static final String RULE = "provider-failed";
    private static final Set<String> FOLLOW_ON = Set.of("unknown-kind", "missing-component");
    private static final Pattern KIND = Pattern.compile("creates (\\S+) objects");

    private ProviderFailed() {}

    static List<Finding> rewrite(
            List<Finding> findings, Map<String, Finding> failed, ResolvedPlatform platform, ReleaseFacts facts) {
        List<Finding> out = new ArrayList<>();
        Map<String, Set<String>> providers = new TreeMap<>();
        Map<String, Boolean> verified = new TreeMap<>();
        for (Finding f : findings) {
            if (f.app() == null || !FOLLOW_ON.contains(f.rule())) {
                out.add(f);
                continue;
            }
            Set<String> named = facts == null ? Set.of() : shipping(f, failed.keySet(), platform, facts);
            providers.computeIfAbsent(f.app(), k -> new TreeSet<>()).addAll(named.isEmpty() ? failed.keySet() : named);
            verified.merge(f.app(), !named.isEmpty(), Boolean::logicalAnd);
        }
        for (DeclaredEdge d : platform.declaredEdges()) {
            if (failed.containsKey(d.dependsOn()) && !failed.containsKey(d.component())) {
                providers.computeIfAbsent(d.component(), k -> new TreeSet<>()).add(d.dependsOn());
                verified.merge(d.component(), true, Boolean::logicalAnd);
            }
        }
        providers.forEach((app, from) -> out.add(new Finding(
                RULE,
                Severity.WARNING,
                app,
                null,
                null,
                "its provider failed to render: " + String.join(", ", from)
                        + (verified.get(app) ? "" : " (unverified: kfboot cannot tell which failed app it needs)"),
                "fix the render failure of " + String.join(", ", from) + "; this app is placed without it")));
        return out;
    }

    /** The failed apps whose committed facts ship the CRD (or cert-manager's Certificate) the finding misses. */
    private static Set<String> shipping(Finding f, Set<String> failed, ResolvedPlatform platform, ReleaseFacts facts) {
        String kind = null;
        Matcher m = KIND.matcher(f.message());
        if (m.find()) kind = m.group(1);
        else if (f.rule().equals("missing-component")) kind = "Certificate.cert-manager.io";
        Set<String> out = new TreeSet<>();
        if (kind == null) return out;
        for (String app : failed) {
            var a = platform.app(app).orElse(null);
            if (a == null) continue;
            for (KubeObject o : facts.of(a.component().id(), a.variant().name()).orElse(List.of())) {
                if (o.crd() != null
                        && kind.equals(o.crd().kind() + "." + o.crd().group())) out.add(app);
            }
        }
        return out;
    }
}
