package dev.kfboot.cli;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.testing.KubeflowTree;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.validate.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's validation step, on a standalone tree written the way generate is specified to write it. */
class DemoValidationTest {

    @TempDir Path repo;

    @Test
    void aStandaloneTreeValidatesAgainstTheSharedManifestsWithoutErrors() {
        Kustomize.required();
        Path shared = UpstreamData.dir();
        Path tree = KubeflowTree.write(repo, "26.03", Catalogs.builtin().release("26.03").repo());
        StringWriter text = new StringWriter();

        Validation v = DemoValidation.print(tree, "26.03", shared, repo.resolve("cache"), new PrintWriter(text, true));

        assertThat(v).isNotNull();
        assertThat(v.hasErrors()).isFalse();
        assertThat(text.toString()).startsWith("== kfboot validate " + tree + "\n\n")
                .containsPattern("kfboot validate: 28 apps, 675 objects: 0 errors, \\d+ warnings, 0 info\n$");
    }

    @Test
    void withoutTheSharedDataTheStepSaysWhyItIsSkipped() {
        StringWriter text = new StringWriter();

        assertThat(DemoValidation.print(repo, "26.03", repo.resolve("absent"), null, new PrintWriter(text, true))).isNull();
        assertThat(text.toString()).contains("skipped: no kubeflow/manifests 26.03 checkout at " + repo.resolve("absent"));
    }
}
