package dev.kfboot.cli.plan;

import dev.kfboot.cli.validate.ValidateCommand;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Severity;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.validate.ValidateOptions;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The last step of {@code kfboot demo}: validate the tree the demo generated and print the summary. The demo
 * writes the tree where it would sit in a kubeflow/manifests fork ({@code <dir>/argocd}); this step puts a copy
 * of the release's manifests beside it (from the shared upstream data next to the kfboot checkout,
 * {@code ../shared/upstream}) so every source resolves, then validates. Without the data or kustomize, it
 * says why it is skipped.
 */
public final class DemoValidation {

    private DemoValidation() {}

    /**
     * @param repoUrl the URL the tree's Applications name for the fork: the copy has no git, so it is named
     * @return the validation, or null when skipped
     */
    public static Validation print(
            Path tree, String repoUrl, String release, Path shared, Path cacheDir, PrintWriter out) {
        out.println("== kfboot validate (the generated tree, in a copy of kubeflow/manifests " + release + ")");
        out.println();
        Path manifests = shared.resolve("kubeflow-manifests").resolve(release);
        if (!Files.isDirectory(manifests)) {
            out.println("skipped: no kubeflow/manifests " + release + " checkout at " + manifests);
            return null;
        }
        try {
            KustomizeTool.detect();
        } catch (InputException e) {
            out.println("skipped: " + e.getMessage());
            return null;
        }
        Path fork = tree.toAbsolutePath().normalize().getParent();
        copyMissing(manifests, fork);
        Path remote = shared.resolve("remote");
        ValidateRequest request = new ValidateRequest(
                        tree,
                        fork,
                        Map.of(),
                        RenderOptions.defaults(Files.isDirectory(remote) ? remote : null),
                        cacheDir,
                        release)
                .withOptions(ValidateOptions.NONE.withRepoUrl(repoUrl));
        Validation v = new Validator(r -> {}).validate(request);
        // errors first, then the warnings, each as validate prints it
        for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING}) {
            for (Finding f : v.findings()) if (f.severity() == s) out.println(f.toText());
        }
        out.println(ValidateCommand.summary(v));
        out.println("the same run: kfboot validate " + tree + " --repo-root " + fork + " --repo-url " + repoUrl
                + " --release " + release
                + (Files.isDirectory(remote) ? " --remote-cache " + remote : ""));
        return v;
    }

    /** The shared upstream data beside the kfboot checkout the launcher runs from. */
    static Path sharedUpstream() {
        return Path.of(System.getProperty("kfboot.home", "."))
                .resolve("../shared/upstream")
                .normalize();
    }

    private static void copyMissing(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.exists(target)) continue;
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
