package dev.kfboot.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.render.KustomizeRenderer;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's {@code helmCharts}: kustomize inflates them only with {@code --enable-helm}, which Argo CD passes when
 * argocd-cm's {@code kustomize.buildOptions} says so, and kfboot never does (it would run helm on charts fetched
 * from the tree's URLs). A render that kustomize refused for that reason is unverified, not an error, unless the
 * tree writes argocd-cm itself without the option: then Argo CD refuses it the same way.
 */
final class KustomizeHelmCharts {

    private KustomizeHelmCharts() {}

    static AppRenders judged(AppRenders renders, ArgoCdSettings settings) {
        Map<String, List<Rendered>> out = new LinkedHashMap<>();
        renders.byApp()
                .forEach((app, rs) ->
                        out.put(app, rs.stream().map(r -> judged(r, settings)).toList()));
        return new AppRenders(out);
    }

    private static Rendered judged(Rendered r, ArgoCdSettings settings) {
        if (r.ok()
                || !KustomizeRenderer.RULE_RENDER_FAILED.equals(r.failure().rule())
                || !r.failure().message().contains("--enable-helm")) return r;
        RenderUnit u = r.unit();
        List<String> charts = KustomizationClosure.walk(
                        u.paths().stream().map(p -> u.root().resolve(p)).toList(), u.root())
                .helmCharts();
        String what = String.join(", ", u.paths()) + " inflates Helm charts with kustomize's helmCharts"
                + (charts.isEmpty()
                        ? ""
                        : " (" + String.join(", ", charts.subList(0, Math.min(3, charts.size())))
                                + (charts.size() > 3 ? " and " + (charts.size() - 3) + " more" : "") + ")");
        Finding f = r.failure();
        Finding judged = Boolean.FALSE.equals(settings.kustomizeEnablesHelm())
                ? new Finding(
                        f.rule(),
                        Severity.ERROR,
                        f.app(),
                        f.resource(),
                        f.location(),
                        what + ", which kustomize does only with --enable-helm, and the tree's argocd-cm ("
                                + settings.argocdCm() + ") sets no kustomize.buildOptions with it: Argo CD cannot "
                                + "render the app either",
                        "add kustomize.buildOptions: --enable-helm to that argocd-cm")
                : new Finding(
                        ValidationContext.UNVERIFIED,
                        Severity.INFO,
                        f.app(),
                        f.resource(),
                        f.location(),
                        what + ", which kfboot does not inflate: the app is unverified",
                        "Argo CD inflates them when argocd-cm sets kustomize.buildOptions: --enable-helm; validate the"
                                + " output of kustomize build --enable-helm yourself, or render the chart as a Helm"
                                + " source");
        return new Rendered(u, List.of(), judged, r.remoteUrls(), r.millis());
    }
}
