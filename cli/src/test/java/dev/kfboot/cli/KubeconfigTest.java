package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the kubeconfig as kubectl does, and failing at once when there is none or it is broken: exit 2, one line
 * naming the file (and line), never a line of the file (kubeconfigs hold tokens), no fallback to in-cluster.
 * The environment is set through the {@code kubeconfig} system property, which kfboot and fabric8 read before
 * {@code $KUBECONFIG}.
 */
class KubeconfigTest {

    static final String SENTINEL = "SENTINEL-token-7f3a9c";

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        System.clearProperty("kubeconfig");
    }

    private static CliRun timed(long maxMillis, String... args) {
        long start = System.nanoTime();
        CliRun r = CliRun.of(args);
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(took).as("took %d ms: %s", took, r.err()).isLessThan(maxMillis);
        return r;
    }

    private static void oneErrorNoSecret(CliRun r) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().split("\n")).hasSize(2);
        assertThat(r.err()).startsWith("kfboot: error: ").contains("\n  hint: ");
        assertThat(r.noStackTrace()).isTrue();
        assertThat(r.out() + r.err()).doesNotContain(SENTINEL).doesNotContain("Exception");
    }

    @Test
    void kubeconfigVariablePointingNowhereFailsAtOnce() {
        Path missing = dir.resolve("gone.yaml");
        System.setProperty("kubeconfig", missing.toString());

        CliRun r = timed(3000, "status");

        oneErrorNoSecret(r);
        assertThat(r.err())
                .startsWith(
                        "kfboot: error: no kubeconfig: KUBECONFIG points at " + missing + ", which does not exist\n");
    }

    @Test
    void noKubeconfigAnywhereFailsAtOnce() {
        assumeTrue(System.getenv("KUBERNETES_SERVICE_HOST") == null, "running in a pod");
        String home = System.getProperty("user.home");
        System.setProperty("kubeconfig", "");
        System.setProperty("user.home", dir.toString());
        try {
            CliRun r = timed(3000, "status");

            oneErrorNoSecret(r);
            assertThat(r.err())
                    .startsWith("kfboot: error: no kubeconfig: KUBECONFIG is not set and " + dir.resolve(".kube/config")
                            + " does not exist");
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void missingKubeconfigFlag() {
        CliRun r = timed(3000, "status", "--kubeconfig", dir.resolve("nope").toString());

        oneErrorNoSecret(r);
        assertThat(r.err())
                .startsWith("kfboot: error: no kubeconfig: --kubeconfig " + dir.resolve("nope") + " does not exist\n");
    }

    @Test
    void malformedYamlNamesFileAndLineNeverItsLines() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                users:
                - name: admin
                  user:
                    token: %s: "%s"
                """.formatted(SENTINEL, SENTINEL));

        CliRun r = CliRun.of("status", "--kubeconfig", file.toString());

        oneErrorNoSecret(r);
        assertThat(r.err()).startsWith("kfboot: error: malformed kubeconfig " + file + ":6:");
        assertThat(r.err()).contains("kfboot does not print its lines");

        System.setProperty("kubeconfig", file.toString());
        CliRun viaVariable = CliRun.of("status");
        oneErrorNoSecret(viaVariable);
        assertThat(viaVariable.err()).startsWith("kfboot: error: malformed kubeconfig " + file + ":6:");
    }

    @Test
    void yamlThatIsNotAKubeconfigNamesTheFieldNeverTheValue() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: x
                users:
                - name: admin
                  user:
                    token:
                      - %s
                """.formatted(SENTINEL));

        CliRun r = CliRun.of("status", "--kubeconfig", file.toString());

        oneErrorNoSecret(r);
        assertThat(r.err()).startsWith("kfboot: error: malformed kubeconfig " + file);
        assertThat(r.err()).contains("not a kubeconfig");
    }

    @Test
    void refusedConnectionEndsInAboutASecond() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "http://127.0.0.1:%d"}
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                current-context: c
                users:
                - name: u
                  user: {token: %s}
                """.formatted(port, SENTINEL));

        // five retries with backoff take 7.75 s: a refused connection must not use them
        CliRun r = timed(2500, "status", "--kubeconfig", file.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err())
                .startsWith("kfboot: error: cannot reach the Kubernetes API at http://127.0.0.1:" + port)
                .contains(": connection refused\n")
                .doesNotContain("Exception")
                .doesNotContain(SENTINEL);
        assertThat(r.noStackTrace()).isTrue();
    }
}
