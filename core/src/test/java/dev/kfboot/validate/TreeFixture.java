package dev.kfboot.validate;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.render.ReadBoundary;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.validate.rules.Rule;
import dev.kfboot.validate.rules.Rules;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tree written into a temporary repository, with what each kustomize path renders given inline, so the
 * whole validate pipeline runs without kustomize. Applications go under {@code tree/}; component paths are
 * directories with a kustomization (so they resolve as kustomize sources) whose render is the inline YAML.
 */
public final class TreeFixture {

    /** Every Application written by {@link #app} gets this repoURL. */
    public static final String REPO = "https://github.com/acme/platform.git";

    /** argocd-cm with the Application health check that makes parent waves wait, as a user writes it. */
    public static final String HEALTH_CHECK = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-cm
              namespace: argocd
            data:
              resource.customizations.health.argoproj.io_Application: |
                hs = {}
                hs.status = "Progressing"
                hs.message = ""
                if obj.status ~= nil and obj.status.health ~= nil then
                  hs.status = obj.status.health.status
                end
                return hs
            """;

    private final Path repo;
    private final Map<String, String> renders = new LinkedHashMap<>();
    private final Map<String, List<String>> remotes = new LinkedHashMap<>();
    private final List<String> rendered = new ArrayList<>();

    public TreeFixture(Path repo) {
        this.repo = repo;
    }

    public Path repo() {
        return repo;
    }

    public Path tree() {
        return repo.resolve("tree");
    }

    /** Writes a file relative to the repository. */
    public TreeFixture file(String path, String text) {
        try {
            Path f = repo.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A kustomize directory at {@code path} that renders {@code yaml}. */
    public TreeFixture component(String path, String yaml) {
        file(path + "/kustomization.yaml", "resources: []\n");
        renders.put(path, yaml);
        return this;
    }

    /** A kustomize directory that renders {@code yaml} and fetches the given remote bases. */
    public TreeFixture componentWithRemotes(String path, String yaml, String... urls) {
        remotes.put(path, List.of(urls));
        return component(path, yaml);
    }

    /** The root app of apps, {@code tree/root.yaml}, syncing {@code tree/apps}. */
    public TreeFixture root(String... syncOptions) {
        return file("tree/root.yaml", application("root", null, "tree/apps", "argocd", syncOptions, ""));
    }

    /** A child Application {@code tree/apps/<name>.yaml}. */
    public TreeFixture app(String name, Integer wave, String path, String namespace, String... syncOptions) {
        return appWith(name, wave, path, namespace, "", syncOptions);
    }

    /** A child Application with extra YAML appended under {@code spec:} (indented by two spaces). */
    public TreeFixture appWith(
            String name, Integer wave, String path, String namespace, String extraSpec, String... syncOptions) {
        return file("tree/apps/" + name + ".yaml", application(name, wave, path, namespace, syncOptions, extraSpec));
    }

    public static String application(
            String name, Integer wave, String path, String namespace, String[] syncOptions, String extraSpec) {
        StringBuilder sb = new StringBuilder();
        sb.append("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ")
                .append(name)
                .append("\n  namespace: argocd\n");
        if (wave != null)
            sb.append("  annotations:\n    argocd.argoproj.io/sync-wave: \"")
                    .append(wave)
                    .append("\"\n");
        sb.append("spec:\n  project: platform\n  source:\n    repoURL: ")
                .append(REPO)
                .append("\n    targetRevision: main\n    path: ")
                .append(path)
                .append("\n  destination:\n")
                .append("    server: https://kubernetes.default.svc\n");
        if (namespace != null) sb.append("    namespace: ").append(namespace).append('\n');
        if (syncOptions.length > 0) {
            sb.append("  syncPolicy:\n    syncOptions:\n");
            for (String o : syncOptions) sb.append("      - ").append(o).append('\n');
        }
        sb.append(extraSpec);
        return sb.toString();
    }

    /** The Application health check in argocd-cm, so wave findings do not drown the one a test is about. */
    public TreeFixture healthCheck() {
        return file("tree/argocd-cm.yaml", HEALTH_CHECK);
    }

    /** Renders each unit from the inline YAML of its path; records what was rendered. */
    public RenderRunner renderer() {
        return (units, options, progress) -> {
            List<Rendered> out = new ArrayList<>();
            for (RenderUnit u : units) {
                String yaml = renders.get(u.paths().get(0));
                if (yaml == null) yaml = listedFiles(u.root().resolve(u.paths().get(0)), u.root());
                else rendered.add(u.paths().get(0));
                if (yaml == null) throw new IllegalStateException("no inline render for " + u.paths());
                Rendered r = new Rendered(
                        u,
                        RenderedYaml.parse(yaml),
                        null,
                        remotes.getOrDefault(u.paths().get(0), List.of()),
                        0);
                progress.accept(r);
                out.add(r);
            }
            return new Rendering.Result(out, "v-test");
        };
    }

    /**
     * A kustomization written into the fixture (an app of apps aggregating Application files) renders as the files
     * its resources list, which is what kustomize does with plain resources; null when there is none.
     */
    private static String listedFiles(Path dir, Path root) {
        if (KustomizationClosure.kustomizationFile(dir) == null) return null;
        StringBuilder sb = new StringBuilder();
        for (Path f : ArgoDirectory.objectFiles(dir, ArgoDirectory.Options.PLAIN, ReadBoundary.of(root))) {
            try {
                sb.append("---\n").append(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    /** The inline paths rendered so far, in order. */
    public List<String> rendered() {
        return rendered;
    }

    public static RenderOptions options() {
        return new RenderOptions(
                null, 1, Duration.ofSeconds(30), new KustomizeTool(List.of("kustomize-test"), "v-test"));
    }

    public Validation validate(List<Rule> rules) {
        return validate(Catalogs.builtin(), rules);
    }

    public Validation validate(Catalogs catalogs, List<Rule> rules) {
        Consumer<Rendered> quiet = r -> {};
        return new Validator(catalogs, renderer(), quiet, rules).validate(request());
    }

    /** The fixture's request: the temporary repository has no git, so --repo-url says which URL it is. */
    public ValidateRequest request() {
        return new ValidateRequest(tree(), repo, Map.of(), options(), null, null)
                .withOptions(ValidateOptions.NONE.withRepoUrl(REPO));
    }

    /** Findings of one rule alone. */
    public List<Finding> findings(Rule rule) {
        return validate(List.of(rule)).findings();
    }

    public List<Finding> findings(String slug) {
        return findings(Rules.bySlug(slug).orElseThrow());
    }
}
