package dev.kfboot.cli;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Severity;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.Validator;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The last step of {@code kfboot demo}: validate the tree the demo generated and print the summary. Upstream
 * sources resolve to the shared kubeflow/manifests data next to the kfboot checkout
 * ({@code ../shared/upstream}); without it, or without kustomize, the step says why it is skipped.
 */
final class DemoValidation {

    private DemoValidation() {}

    /** @return the validation, or null when skipped */
    static Validation print(Path tree, String release, Path shared, Path cacheDir, PrintWriter out) {
        out.println("== kfboot validate " + tree);
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
        ReleaseCatalog catalog = Catalogs.builtin().release(release);
        Path remote = shared.resolve("remote");
        ValidateRequest request = new ValidateRequest(tree, null, Map.of(catalog.repo(), manifests),
                RenderOptions.defaults(Files.isDirectory(remote) ? remote : null), cacheDir, release);
        Validation v = new Validator(r -> { }).validate(request);
        for (Finding f : v.findings()) if (f.severity() == Severity.ERROR) out.println(f.toText());
        out.println(ValidateCommand.summary(v));
        return v;
    }

    /** The shared upstream data beside the kfboot checkout the launcher runs from. */
    static Path sharedUpstream() {
        return Path.of(System.getProperty("kfboot.home", ".")).resolve("../shared/upstream").normalize();
    }
}
