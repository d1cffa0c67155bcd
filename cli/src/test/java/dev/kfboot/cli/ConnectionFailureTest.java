package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.testing.MockCluster;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unreachable, unauthorized, forbidden, failing, throttling or stalled API, and unusable connection settings:
 * one clear line, a hint, the documented exit code, no stack trace.
 */
class ConnectionFailureTest {

    static final String APPS = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications";

    @TempDir
    Path dir;

    MockCluster mock;

    @BeforeEach
    void start() {
        mock = MockCluster.start().withArgoCrds();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private CliRun status(Path kubeconfig, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "status";
        args[1] = "--kubeconfig";
        args[2] = kubeconfig.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(args);
    }

    private static void oneErrorAndAHint(CliRun r, int code) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err().split("\n")).hasSize(2);
        assertThat(r.err()).startsWith("kfboot: error: ").contains("\n  hint: ");
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void unreachable() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kubeconfig = Files.writeString(
                dir.resolve("kubeconfig"),
                Files.readString(mock.kubeconfig(dir, MockCluster.TOKEN))
                        .replace(mock.url(), "http://127.0.0.1:" + port));

        CliRun r = status(kubeconfig, "--api-retries", "1");

        oneErrorAndAHint(r, 3);
        assertThat(r.err())
                .startsWith("kfboot: error: cannot reach the Kubernetes API at http://127.0.0.1:" + port
                        + "/ (context mock) while listing Applications in argocd")
                .contains("hint: check --context and --kubeconfig (`kubectl config "
                        + "current-context`) and that the cluster is running");
    }

    @Test
    void unauthorized() {
        CliRun r = status(mock.kubeconfig(dir, "expired-token"));

        oneErrorAndAHint(r, 3);
        assertThat(r.err())
                .isEqualTo("kfboot: error: the Kubernetes API at " + mock.url() + "/ (context mock) refused the "
                        + "credentials (401 Unauthorized) while listing Applications in argocd\n"
                        + "  hint: log in again or check the user of the context in the "
                        + "kubeconfig (`kubectl auth whoami`)\n");
    }

    @Test
    void forbidden() {
        mock.faults().fail("GET", APPS, 1, 403);

        CliRun r = status(mock.kubeconfig(dir, MockCluster.TOKEN));

        oneErrorAndAHint(r, 3);
        assertThat(r.err())
                .startsWith("kfboot: error: forbidden (403) while listing Applications in argocd: injected 403\n");
    }

    @Test
    void serverErrorsBeyondTheRetries() {
        var rule = mock.faults().fail("GET", APPS, 100, 500);

        CliRun r = status(mock.kubeconfig(dir, MockCluster.TOKEN), "--api-retries", "2");

        oneErrorAndAHint(r, 3);
        assertThat(rule.hits()).isEqualTo(3);
        assertThat(r.err())
                .startsWith("kfboot: error: the Kubernetes API failed (500) while listing "
                        + "Applications in argocd: injected 500\n"
                        + "  hint: retries were exhausted; retry later (kfboot commands are safe to re-run)");
    }

    @Test
    void serverErrorsWithinTheRetriesAreInvisible() {
        mock.faults().fail("GET", APPS, 2, 503);
        mock.faults().fail("GET", APPS, 1, 429);

        CliRun r = status(mock.kubeconfig(dir, MockCluster.TOKEN));

        assertThat(r.code()).as(r.err()).isEqualTo(1); // no Applications: reached the cluster, nothing deployed
        assertThat(r.err()).startsWith("no Applications in namespace argocd");
    }

    @Test
    void throttledBeyondTheRetries() {
        mock.faults().fail("GET", APPS, 100, 429);

        CliRun r = status(mock.kubeconfig(dir, MockCluster.TOKEN), "--api-retries", "1");

        oneErrorAndAHint(r, 3);
        assertThat(r.err())
                .startsWith("kfboot: error: the Kubernetes API kept throttling requests (429 Too Many Requests) while "
                        + "listing Applications in argocd\n");
    }

    @Test
    void stalledApi() {
        mock.faults().slow("GET", APPS, 5, Duration.ofMillis(1500));

        CliRun r = status(mock.kubeconfig(dir, MockCluster.TOKEN), "--request-timeout", "300ms", "--api-retries", "0");

        oneErrorAndAHint(r, 3);
        assertThat(r.err()).contains("did not answer in time").contains("raise --request-timeout");
    }

    @Test
    void unusableSettingsExitTwo() throws Exception {
        CliRun missing = status(dir.resolve("nope"));
        oneErrorAndAHint(missing, 2);
        assertThat(missing.err())
                .startsWith("kfboot: error: no kubeconfig: --kubeconfig " + dir.resolve("nope") + " does not exist\n");

        CliRun context = status(mock.kubeconfig(dir, MockCluster.TOKEN), "--context", "prod");
        oneErrorAndAHint(context, 2);
        assertThat(context.err())
                .isEqualTo("kfboot: error: context 'prod' is not in the kubeconfig\n  hint: known contexts: mock\n");

        Path garbage = Files.writeString(dir.resolve("garbage"), "{{{{ not yaml");
        CliRun bad = status(garbage);
        oneErrorAndAHint(bad, 2);
        assertThat(bad.err()).startsWith("kfboot: error: malformed kubeconfig " + garbage);

        CliRun duration = status(mock.kubeconfig(dir, MockCluster.TOKEN), "--timeout", "soon");
        assertThat(duration.code()).isEqualTo(2);
        assertThat(duration.err()).contains("'soon' is not a duration (write e.g. 90s, 10m, 1h30m)");
    }
}
