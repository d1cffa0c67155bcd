package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad specs for {@code plan}: each ends with exit 2, a one-line error naming the file and line, a hint, and
 * no stack trace.
 */
class BadInputTest {

    record Case(String name, String spec, String lineRef, String message, String hint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String head = "apiVersion: kfboot.dev/v1alpha1\nkind: Platform\n";
        return Stream.of(
                new Case(
                        "malformed yaml",
                        head + "spec:\n  release: \"26.03\n  components: [\n",
                        ":4:",
                        "invalid YAML: while scanning a quoted scalar",
                        "hint:"),
                new Case("tab indentation", head + "spec:\n\trelease: \"26.03\"\n", ":4:", "invalid YAML", "tabs"),
                new Case(
                        "duplicate key",
                        head + "spec:\n  release: \"26.03\"\n  release: \"v1.11.0\"\n",
                        ":5:",
                        "duplicate key 'release'",
                        "remove one"),
                new Case(
                        "unknown field",
                        head + "spec:\n  relase: \"26.03\"\n",
                        ":4:",
                        "unknown field 'relase' in spec",
                        "known fields: argocd, clusters, components, environments, exposure, "
                                + "extraApps, release, repo, syncPolicy"),
                new Case(
                        "wrong apiVersion",
                        "apiVersion: v1\nkind: Platform\nspec: {}\n",
                        ":1:",
                        "unsupported apiVersion 'v1'",
                        "kfboot.dev/v1alpha1"),
                new Case(
                        "wrong kind",
                        "apiVersion: kfboot.dev/v1alpha1\nkind: Application\nspec: {}\n",
                        ":2:",
                        "expected kind Platform",
                        "kind: Platform"),
                new Case(
                        "unknown release",
                        head + "spec:\n  release: \"9.9\"\n",
                        "platform.yaml",
                        "unknown release '9.9'",
                        "26.03, v1.11.0"),
                new Case(
                        "unknown component",
                        head + "spec:\n  components:\n    - name: kubeflow-pipelines\n",
                        ":5:",
                        "unknown component 'kubeflow-pipelines'",
                        "known components: cert-manager"),
                new Case(
                        "unknown variant",
                        head + "spec:\n  components:\n    - name: pipelines\n      variant: minio\n",
                        ":5:",
                        "unknown variant 'minio' of pipelines",
                        "database, k8s-native"),
                new Case(
                        "yes is not a boolean",
                        head + "spec:\n  components:\n    - name: katib\n      enabled: yes\n",
                        ":6:",
                        "must be true or false",
                        "yes/no"),
                new Case(
                        "cycle",
                        head + "spec:\n  components:\n    - name: cert-manager\n      dependsOn: [user-namespace]\n",
                        ":5:",
                        "dependency cycle",
                        "remove one"),
                new Case(
                        "contradicting pin",
                        head + "spec:\n  components:\n    - name: kserve\n      wave: 1\n",
                        ":5:",
                        "wave 1 pinned for kserve contradicts its dependency on",
                        "pin kserve to wave"),
                new Case("empty file", "", "platform.yaml", "no YAML document", "kfboot init"),
                new Case("binary file", "\u0000\u0001\u0002", ":1:", "binary content", "YAML text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithOneLineAndAHint(Case c, @TempDir Path dir) throws Exception {
        Path spec = dir.resolve("platform.yaml");
        Files.writeString(spec, c.spec());

        CliRun r = CliRun.of("plan", "-q", "-f", spec.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        String[] lines = r.err().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .startsWith("kfboot: error: " + spec)
                .contains(c.lineRef())
                .contains(c.message());
        assertThat(lines[1]).startsWith("  hint: ").contains(c.hint());
        assertThat(r.noStackTrace()).isTrue();
    }

    @ParameterizedTest(name = "missing upstream tree")
    @MethodSource("dummy")
    void missingUpstreamTree(String ignored, @TempDir Path dir) {
        CliRun r = CliRun.of("plan", "-q", "--upstream", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("kfboot: error: " + dir.resolve("nope") + ": upstream directory not found");
        assertThat(r.noStackTrace()).isTrue();
    }

    static Stream<String> dummy() {
        return Stream.of("x");
    }
}
