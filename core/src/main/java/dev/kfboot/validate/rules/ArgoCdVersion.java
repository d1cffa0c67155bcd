package dev.kfboot.validate.rules;

import dev.kfboot.argocd.AppSource;
import dev.kfboot.argocd.ArgoCdVersions;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tree installs an Argo CD release in the range of argoproj/argo-cd#27917 (3.4.x), where a child Application whose
 * resources failed to apply (health Missing) can report Healthy and release the next wave. The version is what the
 * tree says: an Application whose source is argoproj/argo-cd at a tag, a kustomization that fetches argo-cd's manifests
 * at a ref, or the tag of an argocd image an app renders. One finding per app and version.
 */
final class ArgoCdVersion extends AbstractRule {

    ArgoCdVersion() {
        super(new RuleInfo(
                "argocd-version",
                Severity.WARNING,
                "The tree installs an Argo CD release that can release a wave early (3.4.x, argo-cd#27917)"));
    }

    private static final Pattern ARGO_REPO =
            Pattern.compile("(?i)^(?:https?://|git@|ssh://git@)?github\\.com[/:]argoproj/argo-cd(?:\\.git)?/?$");
    private static final Pattern ARGO_URL = Pattern.compile("(?i)argoproj/argo-cd(?:\\.git)?(/[^?#]*)?(?:\\?([^#]*))?");
    private static final Pattern ARGO_IMAGE = Pattern.compile("(?:^|/)argoproj/argocd:([^@\\s]+)(?:@.*)?$");
    private static final Pattern VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+\\S*");
    private static final Set<String> POD_OWNERS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod");

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.apps()) {
            // version -> the evidence that names it, first seen first
            Map<String, String> seen = new LinkedHashMap<>();
            Map<String, Integer> sourceOf = new LinkedHashMap<>();
            List<AppSource> sources = app.app().sources();
            for (int i = 0; i < sources.size(); i++) {
                AppSource s = sources.get(i);
                if (s.repoURL() != null
                        && ARGO_REPO.matcher(s.repoURL().strip()).matches()
                        && s.targetRevision() != null
                        && seen.putIfAbsent(
                                        s.targetRevision(), "its source is argoproj/argo-cd at " + s.targetRevision())
                                == null) {
                    sourceOf.put(s.targetRevision(), i);
                }
            }
            for (String url : ctx.renders().remoteUrls(app.id())) {
                versionInUrl(url).ifPresent(v -> seen.putIfAbsent(v, "a kustomization fetches " + url));
            }
            for (Inventory.Entry e : ctx.inventory().of(app.id())) {
                KubeObject o = e.object();
                if (!o.id().group().equals("apps")
                        && !o.id().group().isEmpty()
                        && !o.id().group().equals("batch")) continue;
                if (!POD_OWNERS.contains(o.id().kind()) || o.body() == null) continue;
                for (String image : images(o.body())) {
                    Matcher m = ARGO_IMAGE.matcher(image);
                    if (m.find()) {
                        seen.putIfAbsent(
                                m.group(1),
                                "it renders image " + image + " ("
                                        + o.id().kind().toLowerCase(Locale.ROOT) + "/" + o.id().name() + ")");
                    }
                }
            }
            seen.forEach((version, evidence) -> ArgoCdVersions.waveDefect(version)
                    .ifPresent(defect -> {
                        Integer source = sourceOf.get(version);
                        out.add(finding(
                                app,
                                source != null ? app.sourceAt(source, "targetRevision") : app.sourceAt(0, "path"),
                                "installs Argo CD " + version + " (" + evidence + "): " + defect,
                                "keep kfboot's Application health check in argocd-cm "
                                        + "(it reads status.resources, so a Missing resource "
                                        + "is not Healthy; kfboot generate writes it), "
                                        + "or install 3.3.9 or a release with the fix"));
                    }));
        }
        return out;
    }

    /**
     * The ref of a URL of argoproj/argo-cd's repository or releases: {@code ?ref=}, else a version-like path segment.
     */
    static Optional<String> versionInUrl(String url) {
        Matcher m = ARGO_URL.matcher(url);
        if (!m.find()) return Optional.empty();
        if (m.group(2) != null) {
            for (String param : m.group(2).split("&")) {
                if (param.startsWith("ref=") || param.startsWith("version="))
                    return Optional.of(param.substring(param.indexOf('=') + 1));
            }
        }
        if (m.group(1) != null) {
            for (String segment : m.group(1).split("/"))
                if (VERSION.matcher(segment).matches()) return Optional.of(segment);
        }
        return Optional.empty();
    }

    /** Images of a workload's pod template (or a Pod's own spec): containers and init containers. */
    private static List<String> images(Map<String, Object> body) {
        Object spec = body.get("spec");
        if (!(spec instanceof Map<?, ?> s)) return List.of();
        Object podSpec = s.get("template") instanceof Map<?, ?> t ? t.get("spec") : s;
        if (s.get("jobTemplate") instanceof Map<?, ?> jt
                && jt.get("spec") instanceof Map<?, ?> js
                && js.get("template") instanceof Map<?, ?> t2) podSpec = t2.get("spec");
        if (!(podSpec instanceof Map<?, ?> ps)) return List.of();
        List<String> out = new ArrayList<>();
        for (String key : List.of("containers", "initContainers")) {
            if (!(ps.get(key) instanceof List<?> cs)) continue;
            for (Object c : cs) {
                if (c instanceof Map<?, ?> cm && cm.get("image") instanceof String image) out.add(image);
            }
        }
        return out;
    }
}
