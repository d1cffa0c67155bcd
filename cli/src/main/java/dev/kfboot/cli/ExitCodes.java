package dev.kfboot.cli;

/** The exit codes every command shares; {@code --help} lists them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Findings with errors (or warnings with --strict), or a difference where one was asked about. */
    public static final int FINDINGS = 1;
    /** Unusable input: bad usage, spec, file or environment. */
    public static final int INPUT = 2;
    /** The cluster failed: unreachable, refused, timed out, a wave did not get healthy. */
    public static final int CLUSTER = 3;
    /** A bug in kfboot. */
    public static final int INTERNAL = 4;

    /** For picocli's {@code exitCodeList}. */
    public static final String[] LIST = {
        "0:success",
        "1:findings with errors (or warnings with --strict)",
        "2:unusable input (usage, spec, files, environment)",
        "3:cluster failure or timeout",
        "4:internal error (a bug: please report it with --debug output)"
    };

    private ExitCodes() {}
}
