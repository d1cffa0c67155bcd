package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cli.plan.DemoValidation;
import dev.kfboot.cli.validate.ValidateCommand;
import dev.kfboot.model.Severity;
import dev.kfboot.testing.GeneratedFork;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.validate.Validation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's validation step, on a fork-layout tree written the way generate writes it, alone in a directory. */
class DemoValidationTest {

    @TempDir
    Path demo;

    @Test
    void theTreeValidatesInACopyOfTheManifestsWithoutErrors() {
        Kustomize.required();
        Path shared = UpstreamData.dir();
        Path tree = GeneratedFork.write(demo, "26.03");
        StringWriter text = new StringWriter();

        Validation v = DemoValidation.print(
                tree,
                GeneratedFork.repoUrl("26.03"),
                "26.03",
                shared,
                UpstreamData.renderCache(), // the suite's shared render cache: its key covers every input
                new PrintWriter(text, true));

        assertThat(v).isNotNull();
        assertThat(v.hasErrors()).isFalse();
        assertThat(Files.isDirectory(demo.resolve("applications/kserve"))).isTrue();
        assertThat(text.toString())
                .startsWith("== kfboot validate (the generated tree, in a copy of kubeflow/manifests 26.03)\n\n")
                .containsPattern("kfboot validate: 28 apps, 675 objects: 0 errors, \\d+ warnings, 0 info\n")
                .endsWith("the same run: kfboot validate " + tree + " --repo-root " + demo + " --repo-url "
                        + GeneratedFork.repoUrl("26.03")
                        + " --release 26.03"
                        + (Files.isDirectory(shared.resolve("remote"))
                                ? " --remote-cache " + shared.resolve("remote")
                                : "")
                        + "\n");
        // every warning is listed, as validate lists it, before the summary
        long warnings = v.findings().stream()
                .filter(f -> f.severity() == Severity.WARNING)
                .count();
        assertThat(text.toString()
                        .lines()
                        .filter(l -> l.startsWith("warning: [") || l.contains(": warning: ["))
                        .count())
                .as(text.toString())
                .isEqualTo(warnings);
        // the printed command runs as printed, with the same verdict
        String[] printed = text.toString()
                .lines()
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring("the same run: kfboot ".length())
                .split(" ");
        String[] args = Stream.concat(
                        Arrays.stream(printed),
                        Stream.of(
                                "-q", "--cache-dir", UpstreamData.renderCache().toString()))
                .toArray(String[]::new);
        CliRun again = CliRun.of(args);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains(ValidateCommand.summary(v));
    }

    @Test
    void withoutTheSharedDataTheStepSaysWhyItIsSkipped() {
        StringWriter text = new StringWriter();

        assertThat(DemoValidation.print(
                        demo,
                        GeneratedFork.repoUrl("26.03"),
                        "26.03",
                        demo.resolve("absent"),
                        null,
                        new PrintWriter(text, true)))
                .isNull();
        assertThat(text.toString())
                .contains("skipped: no kubeflow/manifests 26.03 checkout at " + demo.resolve("absent"));
    }
}
