package dev.kfboot.validate;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.render.KustomizeRenderer;
import dev.kfboot.render.ReadBoundary;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.yaml.RenderedYaml;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import dev.kfboot.yaml.YamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders a Helm source in process, as Argo CD's repo server does ({@code helm template}, through helm-java and
 * Helm's own library): the chart from the repository (a path with {@code Chart.yaml}) or, for a chart repository or
 * OCI chart, from the local Helm cache ({@link HelmCache}); release name {@code helm.releaseName} (default: the
 * app's name), namespace {@code helm.namespace} or the destination namespace, then {@code valueFiles} (relative to
 * the chart, or {@code $ref/...} of another source), {@code values} / {@code valuesObject}, and {@code parameters},
 * in Argo CD's order of precedence. A chart kfboot cannot get (not cached, dependencies not vendored) makes the
 * app unverified rather than wrong.
 */
final class HelmSource {

    /** helm-java calls one native library; renders go through it one at a time. */
    private static final Object NATIVE = new Object();

    private HelmSource() {}

    static Rendered render(String unitId, TreeApp app, ResolvedSource s, List<ResolvedSource> all, Path helmCache) {
        long start = System.nanoTime();
        RenderUnit unit = new RenderUnit(
                unitId,
                s.root() == null ? Path.of(".") : s.root(),
                List.of(s.path() == null ? s.source().chart() : s.path()),
                List.of());
        YMap helm = app.sourceNode(s.index())
                .flatMap(n -> n.get("helm"))
                .filter(n -> n instanceof YMap)
                .map(n -> (YMap) n)
                .orElse(new YMap(Map.of(), 0));
        Path chart;
        if (s.root() != null) {
            chart = s.dir();
            // Helm follows symbolic links while it loads a chart directory (.Files.Get would read what they point at)
            String refused = linkOutOf(chart, ReadBoundary.of(s.root()));
            if (refused != null) {
                return failed(
                        unit,
                        start,
                        "refused to read outside the repository: " + refused,
                        "replace the link with the file itself; Argo CD's repo server refuses such links too");
            }
        } else {
            String version = s.source().targetRevision();
            Optional<Path> cached = helmCache == null
                    ? Optional.empty()
                    : HelmCache.find(helmCache, s.source().repoURL(), s.source().chart(), version);
            if (cached.isEmpty()) {
                return unverified(
                        unit,
                        start,
                        "chart " + s.source().chart() + " " + (version == null ? "" : version + " ")
                                + "from " + s.source().repoURL()
                                + (helmCache == null
                                        ? " cannot be fetched offline (no --helm-cache)"
                                        : " is not in the Helm cache " + helmCache),
                        "pass --helm-cache DIR with the chart laid out in it "
                                + "(DIR/<repository host and path>/<chart>-<version>.tgz, or a "
                                + "chart repository's index.yaml)");
            }
            chart = cached.get();
        }
        List<Path> temp = new ArrayList<>();
        try {
            String release = scalar(helm, "releaseName").orElse(app.name());
            String namespace = scalar(helm, "namespace").orElse(app.app().destinationNamespace());
            TemplateCommand cmd = new Helm(chart).template().withName(release);
            if (namespace != null) cmd = cmd.withNamespace(namespace);
            boolean ignoreMissing =
                    scalar(helm, "ignoreMissingValueFiles").map("true"::equals).orElse(false);
            for (YNode f : seq(helm, "valueFiles")) {
                if (!(f instanceof YScalar v)) continue;
                Path file = valueFile(app, v.value(), chart, s, all);
                if (file == null || !Files.isRegularFile(file)) {
                    if (ignoreMissing) continue;
                    if (file == null && v.value().startsWith("$")) {
                        return unverified(
                                unit,
                                start,
                                "values file " + v.value() + " comes from a source with no local checkout",
                                "pass --source URL=DIR for the repository of the ref source");
                    }
                    return failed(
                            unit,
                            start,
                            "values file " + v.value() + " does not exist"
                                    + (file == null ? " inside the repository" : " (" + file + ")"),
                            "fix spec.source.helm.valueFiles, or set ignoreMissingValueFiles: true");
                }
                if (!withinItsCheckout(file, chart, all)) {
                    return failed(
                            unit,
                            start,
                            "refused to read outside the repository: values file " + v.value()
                                    + " is a symbolic link that leaves it",
                            "replace the link with the file itself");
                }
                cmd = cmd.withValuesFile(file);
            }
            Optional<String> values = scalar(helm, "values");
            if (values.isPresent() && !values.get().isBlank()) cmd = cmd.withValuesFile(tempValues(values.get(), temp));
            Optional<YNode> object = helm.get("valuesObject");
            if (object.isPresent() && object.get() instanceof YMap) {
                cmd = cmd.withValuesFile(
                        tempValues(YamlWriter.write(object.get().toPlain()), temp));
            }
            for (YNode p : seq(helm, "parameters")) {
                if (!(p instanceof YMap pm)) continue;
                Optional<String> name = scalar(pm, "name");
                if (name.isPresent())
                    cmd = cmd.set(name.get(), scalar(pm, "value").orElse(""));
            }
            String out;
            synchronized (NATIVE) {
                out = cmd.call();
            }
            return new Rendered(unit, RenderedYaml.parse(out), null, List.of(), millis(start));
        } catch (IOException e) {
            return failed(unit, start, "cannot write Helm values: " + e.getMessage(), "check the temporary directory");
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().strip();
            if (msg.contains("missing in charts/")
                    || msg.contains("dependencies")
                    || msg.contains("no such host")
                    || msg.contains("dial tcp")) {
                return unverified(
                        unit,
                        start,
                        "Helm cannot render chart " + chart.getFileName() + " offline: " + firstLine(msg),
                        "vendor the chart's dependencies (helm dependency build) or put them in --helm-cache");
            }
            return failed(
                    unit,
                    start,
                    "helm template fails: " + firstLine(msg),
                    "run helm template on the chart with the app's values");
        } finally {
            for (Path p : temp) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary values file is harmless
                }
            }
        }
    }

    /** The first symbolic link under the chart whose real path leaves the boundary, as a refusal; null when none. */
    private static String linkOutOf(Path chart, ReadBoundary bound) {
        String self = bound.refusal(chart, bound.shown(chart));
        if (self != null) return self;
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path p : files.filter(Files::isSymbolicLink).toList()) {
                String refused = bound.refusal(p, bound.shown(p));
                if (refused != null) return refused;
            }
        } catch (IOException | UncheckedIOException e) {
            return bound.shown(chart) + ": cannot be listed (" + e.getMessage() + ")";
        }
        return null;
    }

    /**
     * A values file: {@code $ref/path} from the source with that ref, else relative to the chart, never outside the
     * checkout.
     */
    private static Path valueFile(TreeApp app, String written, Path chart, ResolvedSource s, List<ResolvedSource> all) {
        if (written.startsWith("$")) {
            int slash = written.indexOf('/');
            if (slash < 0) return null;
            String ref = written.substring(1, slash);
            for (ResolvedSource o : all) {
                if (o.root() != null
                        && app.sourceNode(o.index())
                                .flatMap(n -> n.get("ref"))
                                .filter(r -> r instanceof YScalar x && x.value().equals(ref))
                                .isPresent()) {
                    Path f = o.root().resolve(written.substring(slash + 1)).normalize();
                    return f.startsWith(o.root()) ? f : null;
                }
            }
            return null;
        }
        Path base = s.root() != null ? s.root() : chart;
        Path f = chart.resolve(written).normalize();
        return f.startsWith(base) ? f : null;
    }

    /** Whether a values file's real path stays inside the checkout (or cached chart) its written path names. */
    private static boolean withinItsCheckout(Path file, Path chart, List<ResolvedSource> all) {
        List<Path> roots = new ArrayList<>();
        for (ResolvedSource o : all) if (o.root() != null) roots.add(o.root());
        roots.add(chart);
        for (Path root : roots) {
            if (file.startsWith(root) && ReadBoundary.of(root).contains(file)) return true;
        }
        return false;
    }

    private static Path tempValues(String yaml, List<Path> temp) throws IOException {
        Path f = Files.createTempFile("kfboot-helm-values", ".yaml");
        temp.add(f);
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Optional<String> scalar(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YScalar x && x.type() != YScalar.Type.NULL)
                .map(n -> ((YScalar) n).value());
    }

    private static List<YNode> seq(YMap m, String key) {
        return m.get(key)
                .filter(n -> n instanceof YSeq)
                .map(n -> ((YSeq) n).items())
                .orElse(List.of());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static Rendered unverified(RenderUnit unit, long start, String message, String hint) {
        return new Rendered(
                unit,
                List.of(),
                new Finding(
                        ValidationContext.UNVERIFIED,
                        Severity.INFO,
                        unit.id(),
                        null,
                        null,
                        message + ": the app is unverified",
                        hint),
                List.of(),
                millis(start));
    }

    private static Rendered failed(RenderUnit unit, long start, String message, String hint) {
        return new Rendered(
                unit,
                List.of(),
                Finding.error(KustomizeRenderer.RULE_RENDER_FAILED, unit.id(), message, hint),
                List.of(),
                millis(start));
    }
}
