package dev.kfboot.validate;

import dev.kfboot.render.KustomizeOptions;
import dev.kfboot.render.ReadBoundary;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Application source's {@code kustomize:} block, read the way Argo CD's repo server applies it before building
 * (its {@code kustomize edit set nameprefix|namesuffix|namespace|image}, {@code edit add label|annotation|component}
 * and the appended {@code patches}): {@code components} are relative to the source path, as are patch files, which
 * are read here (inside the repository only) and carried inline. {@code version} names a kustomize that argocd-cm
 * configures; it changes nothing kfboot renders (see the {@code kustomize-version} rule).
 *
 * @param options    what the edit sets in a copy of the app's kustomization
 * @param components Components to add, relative to the source's repository root
 * @param version    {@code kustomize.version}, or null
 * @param problem    why the options cannot be applied (a patch file missing or outside the repository), or null
 */
public record ArgoKustomize(KustomizeOptions options, List<String> components, String version, String problem) {

    static final ArgoKustomize NONE = new ArgoKustomize(KustomizeOptions.NONE, List.of(), null, null);

    /** The options of source {@code index} of an app, resolved against the source's directory. */
    static ArgoKustomize of(TreeApp app, int index, Path root, String path) {
        Optional<YNode> node = app.sourceNode(index).flatMap(n -> n.get("kustomize"));
        if (node.isEmpty() || !(node.get() instanceof YMap k)) return NONE;
        Path dir = root.resolve(path).normalize();
        List<Map<String, Object>> images = new ArrayList<>();
        for (YNode i : seq(k, "images")) if (i instanceof YScalar s) images.add(KustomizeOptions.image(s.value()));
        List<Map<String, Object>> replicas = new ArrayList<>();
        for (YNode r : seq(k, "replicas")) {
            if (!(r instanceof YMap m) || text(m, "name").isEmpty()) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", text(m, "name").get());
            e.put("count", count(text(m, "count").orElse("0")));
            replicas.add(e);
        }
        List<Map<String, Object>> patches = new ArrayList<>();
        ReadBoundary bound = ReadBoundary.of(root);
        for (YNode p : seq(k, "patches")) {
            if (!(p instanceof YMap m)) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            Optional<String> file = text(m, "path");
            if (file.isPresent()) {
                Path f = dir.resolve(file.get()).normalize();
                String no = bound.refusal(f, "kustomize patch " + file.get());
                if (no != null) return problem(no);
                try {
                    e.put("patch", Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException ex) {
                    return problem("kustomize patch " + file.get() + " does not exist in " + path);
                }
            } else if (text(m, "patch").isPresent()) {
                e.put("patch", text(m, "patch").get());
            } else {
                continue;
            }
            m.get("target").ifPresent(t -> e.put("target", t.toPlain()));
            m.get("options").ifPresent(o -> e.put("options", o.toPlain()));
            patches.add(e);
        }
        List<String> components = new ArrayList<>();
        for (YNode c : seq(k, "components")) {
            if (!(c instanceof YScalar s)) continue;
            // relative to the app's path; one that leaves the root is refused when the unit is prepared
            components.add(root.relativize(dir.resolve(s.value()).normalize())
                    .toString()
                    .replace('\\', '/'));
        }
        KustomizeOptions o = new KustomizeOptions(
                text(k, "namePrefix").orElse(null),
                text(k, "nameSuffix").orElse(null),
                text(k, "namespace").orElse(null),
                images,
                map(k, "commonLabels"),
                !text(k, "labelWithoutSelector").map("true"::equals).orElse(false),
                map(k, "commonAnnotations"),
                patches,
                replicas);
        return new ArgoKustomize(o, components, text(k, "version").orElse(null), null);
    }

    private static ArgoKustomize problem(String why) {
        return new ArgoKustomize(KustomizeOptions.NONE, List.of(), null, why);
    }

    private static Object count(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static Map<String, String> map(YMap m, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        m.get(key)
                .filter(n -> n instanceof YMap)
                .ifPresent(n -> ((YMap) n).entries().forEach((k, e) -> {
                    if (e.value() instanceof YScalar s) out.put(k, s.value());
                }));
        return out;
    }

    private static List<YNode> seq(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YSeq)
                .map(n -> ((YSeq) n).items())
                .orElse(List.of());
    }

    private static Optional<String> text(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YScalar s && s.type() != YScalar.Type.NULL)
                .map(n -> ((YScalar) n).value());
    }
}
