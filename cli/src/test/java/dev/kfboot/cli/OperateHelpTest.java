package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every operate command documents its exit codes and the connection options in --help, without a cluster. */
class OperateHelpTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "install-argocd",
                "uninstall-argocd",
                "password",
                "port-forward",
                "deploy",
                "status",
                "watch",
                "sync",
                "refresh",
                "diff",
                "logs",
                "describe",
                "history",
                "rollback",
                "verify",
                "delete",
                "preflight",
                "adopt"
            })
    void helpListsExitCodesAndConnectionOptions(String command) {
        CliRun r = CliRun.of(command, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains(
                        "Exit codes:",
                        "  0   ",
                        "  2   ",
                        "  3   ",
                        "--kubeconfig=FILE",
                        "--context=NAME",
                        "-n, --namespace=NS");
        assertThat(r.err()).isEmpty();
    }

    /** --timeout says what it times where the command waits, and is not offered where it waits for nothing. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "install-argocd",
                "uninstall-argocd",
                "deploy",
                "watch",
                "sync",
                "refresh",
                "rollback",
                "delete",
                "status",
                "describe",
                "history",
                "diff",
                "password"
            })
    void timeoutSaysWhatItTimes(String command) {
        String help = CliRun.of(command, "--help").out().replaceAll("\\s+", " ");
        boolean waits = Set.of(
                        "install-argocd",
                        "uninstall-argocd",
                        "deploy",
                        "watch",
                        "sync",
                        "refresh",
                        "rollback",
                        "delete")
                .contains(command);
        if (waits) {
            assertThat(help)
                    .contains("--timeout=DURATION How long to wait for")
                    .doesNotContain("what the command waits for");
        } else {
            assertThat(help).doesNotContain("--timeout");
        }
    }
}
