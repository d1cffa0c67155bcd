package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A bug reaches the user as what failed and "report it", never as Java class names or a trace without --debug. */
class InternalErrorTest {

    @Test
    void aBugSaysWhichCommandStoppedAndToReportItWithoutJavaNames() {
        StringWriter err = new StringWriter();
        int code = handle(
                new IllegalStateException(new NoSuchFileException("/proc/self/status")), err, false, "plan", "-q");

        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString())
                .isEqualTo("kfboot: internal error: `kfboot plan` stopped unexpectedly: /proc/self/status\n"
                        + "  hint: this is a bug in kfboot: run again with --debug for "
                        + "the stack trace, and report it\n");
    }

    @Test
    void javasOwnWordsAreLeftOutOfTheMessage() {
        StringWriter err = new StringWriter();
        handle(
                new NullPointerException("Cannot invoke \"String.length()\" because \"<local3>\" is null"),
                err,
                false,
                "validate");
        assertThat(err.toString())
                .startsWith("kfboot: internal error: `kfboot validate` stopped unexpectedly\n")
                .doesNotContain("NullPointerException", "String.length", "java.");

        StringWriter wrapped = new StringWriter();
        handle(
                new RuntimeException(new ConnectException("java.net.ConnectException: refused")),
                wrapped,
                false,
                "plan");
        assertThat(wrapped.toString()).doesNotContain("Exception", "java.").contains("stopped unexpectedly\n");
    }

    @Test
    void debugAddsTheTrace() {
        StringWriter err = new StringWriter();
        handle(new IllegalStateException("boom"), err, true, "plan");
        assertThat(err.toString()).contains("stopped unexpectedly: boom", "\tat ");
    }

    private static int handle(Exception ex, StringWriter err, boolean debug, String... args) {
        CommandLine cli = KfbootCommand.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.parseArgs(args);
        return Main.handle(ex, cli, debug);
    }
}
