package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.ResolvedSource;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source with {@code directory:} options on a path that holds a kustomization. An explicit source type wins over
 * detection in Argo CD's repo server, so the directory is read as plain manifests: the kustomization file itself is
 * applied as an object (no such kind on the cluster) and patch files as whole objects, and the sync fails. As Argo CD
 * normalizes a source, {@code directory} counts as explicit when it recurses, has jsonnet options, or sets both
 * {@code include} and {@code exclude}; an empty {@code directory: {}} is dropped and detection picks kustomize.
 */
final class DirectoryOnKustomize extends AbstractRule {

    DirectoryOnKustomize() {
        super(new RuleInfo(
                "directory-on-kustomize",
                Severity.ERROR,
                "A source sets directory options on a kustomize path: Argo CD applies its raw files"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.apps()) {
            for (ResolvedSource s : ctx.sourcesOf(app.id())) {
                if (s.kind() != ResolvedSource.Kind.KUSTOMIZE) continue;
                Optional<String> why = explicitDirectory(app, s.index());
                if (why.isEmpty()) continue;
                boolean both = app.sourceNode(s.index())
                        .flatMap(n -> n.get("kustomize"))
                        .filter(k -> k instanceof YMap m && !m.entries().isEmpty())
                        .isPresent();
                String effect = both
                        ? ": with kustomize options too, the source has two types and Argo CD "
                                + "refuses to generate its manifests"
                        : ": Argo CD then reads it as a plain directory and applies the "
                                + "kustomization file itself as an "
                                + "object (and patches as whole objects), and the sync fails";
                out.add(finding(
                        app,
                        app.sourceAt(s.index(), "directory"),
                        "path " + s.path() + " holds a kustomization, but the source sets " + why.get() + effect,
                        "remove spec.source.directory (kustomize options go under "
                                + "spec.source.kustomize), or point the path at plain manifests"));
            }
        }
        return out;
    }

    /** What makes {@code directory} an explicit source type after Argo CD's normalization, or empty. */
    static Optional<String> explicitDirectory(TreeApp app, int index) {
        Optional<YNode> dir = app.sourceNode(index).flatMap(n -> n.get("directory"));
        if (dir.isEmpty() || !(dir.get() instanceof YMap d)) return Optional.empty();
        if (text(d, "recurse").filter("true"::equals).isPresent()) return Optional.of("directory.recurse: true");
        if (d.get("jsonnet")
                .filter(j -> j instanceof YMap m && !m.entries().isEmpty())
                .isPresent()) return Optional.of("directory.jsonnet");
        if (text(d, "include").filter(v -> !v.isEmpty()).isPresent()
                && text(d, "exclude").filter(v -> !v.isEmpty()).isPresent()) {
            return Optional.of("directory.include and directory.exclude");
        }
        return Optional.empty();
    }

    private static Optional<String> text(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YScalar s && s.type() != YScalar.Type.NULL)
                .map(n -> ((YScalar) n).value());
    }
}
