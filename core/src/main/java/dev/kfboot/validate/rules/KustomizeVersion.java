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
 * {@code spec.source.kustomize.version} names a kustomize that argocd-cm configures ({@code kustomize.path.<version>}):
 * Argo CD renders the app with that binary, kfboot with the one it found. When the two differ, what kfboot checked may
 * not be what Argo CD deploys (kustomize changed its output between major versions): a warning naming both.
 */
final class KustomizeVersion extends AbstractRule {

    KustomizeVersion() {
        super(new RuleInfo(
                "kustomize-version",
                Severity.WARNING,
                "A source asks for a kustomize version kfboot does not render with"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.apps()) {
            for (ResolvedSource s : ctx.sourcesOf(app.id())) {
                if (s.kind() != ResolvedSource.Kind.KUSTOMIZE) continue;
                Optional<String> wanted = app.sourceNode(s.index())
                        .flatMap(n -> n.get("kustomize"))
                        .flatMap(k -> k instanceof YMap m ? m.get("version") : Optional.<YNode>empty())
                        .filter(v -> v instanceof YScalar x
                                && x.type() != YScalar.Type.NULL
                                && !x.value().isBlank())
                        .map(v -> ((YScalar) v).value().trim());
                if (wanted.isEmpty()) continue;
                String have = ctx.kustomizeVersion();
                if (have != null && bare(have).equals(bare(wanted.get()))) continue;
                String with =
                        have == null || have.equals("unknown") ? "a kustomize of unknown version" : "kustomize " + have;
                out.add(finding(
                        app,
                        app.sourceAt(s.index(), "kustomize"),
                        "asks Argo CD to render with kustomize " + wanted.get()
                                + " (argocd-cm's kustomize.path." + wanted.get()
                                + "); kfboot cannot run that version and rendered with "
                                + with + ", so what it checked may differ from what Argo CD deploys",
                        "point KFBOOT_KUSTOMIZE at kustomize " + wanted.get()
                                + " for validate, or drop spec.source.kustomize.version"));
            }
        }
        return out;
    }

    private static String bare(String v) {
        return v.startsWith("v") ? v.substring(1) : v;
    }
}
