package dev.kfboot.validate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.render.KustomizeRenderer;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.validate.rules.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders that kustomize refused for want of a build option Argo CD passes when argocd-cm's
 * {@code kustomize.buildOptions} says so. {@code --enable-helm} ({@code helmCharts}): kfboot never passes it (it
 * would run helm on charts fetched from the tree's URLs). {@code --load-restrictor LoadRestrictionsNone} (a file
 * outside the kustomization's directory): kfboot passes it when the tree's argocd-cm does. Such a render is
 * unverified, not an error, unless the tree writes argocd-cm itself without the option: then Argo CD refuses it the
 * same way, and the error says so.
 */
final class KustomizeBuildOptions {

    private static final Pattern OUTSIDE = Pattern.compile("security; file '([^']*)' is not in or below");

    /**
     * A build option: how kustomize's refusal reads, whether Argo CD passes it (null: unknown), whether kfboot passes
     * it too when Argo CD does, what the unit asked for (from the unit and kustomize's message), and the hint of an
     * unverified app.
     */
    private record Option(
            String flag,
            Pattern refusal,
            Function<ArgoCdSettings, Boolean> argoCdPasses,
            boolean kfbootPassesIt,
            BiFunction<RenderUnit, String, String> needs,
            String unverifiedHint) {}

    private static final List<Option> OPTIONS = List.of(
            new Option(
                    "--enable-helm",
                    Pattern.compile("--enable-helm"),
                    ArgoCdSettings::kustomizeEnablesHelm,
                    false,
                    (u, m) -> "inflates Helm charts with kustomize's helmCharts" + shown(helmCharts(u)),
                    "Argo CD does it when argocd-cm sets kustomize.buildOptions: --enable-helm; validate the output of"
                            + " kustomize build --enable-helm yourself, or render the chart as a Helm source"),
            new Option(
                    "--load-restrictor LoadRestrictionsNone",
                    OUTSIDE,
                    ArgoCdSettings::kustomizeLoadsAnywhere,
                    true,
                    (u, m) -> {
                        Matcher f = OUTSIDE.matcher(m);
                        return "reads a file outside its directory" + (f.find() ? " (" + f.group(1) + ")" : "");
                    },
                    "put argocd-cm with kustomize.buildOptions: --load-restrictor LoadRestrictionsNone in the tree"
                            + " (kfboot then renders with it too), or keep the files inside the directory"));

    private KustomizeBuildOptions() {}

    static AppRenders judged(AppRenders renders, ArgoCdSettings settings) {
        Map<String, List<Rendered>> out = new LinkedHashMap<>();
        renders.byApp()
                .forEach((app, rs) ->
                        out.put(app, rs.stream().map(r -> judged(r, settings)).toList()));
        return new AppRenders(out);
    }

    private static Rendered judged(Rendered r, ArgoCdSettings settings) {
        if (r.ok() || !KustomizeRenderer.RULE_RENDER_FAILED.equals(r.failure().rule())) return r;
        Finding f = r.failure();
        for (Option o : OPTIONS) {
            if (!o.refusal().matcher(f.message()).find()) continue;
            String what = String.join(", ", r.unit().paths()) + " " + o.needs().apply(r.unit(), f.message());
            Boolean passes = o.argoCdPasses().apply(settings);
            Finding judged = Boolean.FALSE.equals(passes)
                    ? new Finding(
                            f.rule(),
                            Severity.ERROR,
                            f.app(),
                            f.resource(),
                            f.location(),
                            what + ", which kustomize does only with " + o.flag() + ", and the tree's argocd-cm ("
                                    + settings.argocdCm() + ") sets no kustomize.buildOptions with it: Argo CD cannot"
                                    + " render the app either",
                            "add kustomize.buildOptions: " + o.flag() + " to that argocd-cm")
                    : new Finding(
                            ValidationContext.UNVERIFIED,
                            Severity.INFO,
                            f.app(),
                            f.resource(),
                            f.location(),
                            what + ", which kustomize does only with " + o.flag() + unverifiedWhy(o, passes)
                                    + ": the app is unverified",
                            o.unverifiedHint());
            return new Rendered(r.unit(), List.of(), judged, r.remoteUrls(), r.millis());
        }
        return r;
    }

    private static String unverifiedWhy(Option o, Boolean passes) {
        if (!o.kfbootPassesIt()) return ", and kfboot does not pass it";
        return passes == null
                ? ", and the tree does not write argocd-cm to say whether Argo CD passes it"
                : ", and the argocd-cm that asks for it is one an app renders, read only after rendering";
    }

    private static List<String> helmCharts(RenderUnit u) {
        return KustomizationClosure.walk(
                        u.paths().stream().map(p -> u.root().resolve(p)).toList(), u.root())
                .helmCharts();
    }

    private static String shown(List<String> items) {
        return items.isEmpty() ? "" : " (" + Texts.some(items, 3) + ")";
    }
}
