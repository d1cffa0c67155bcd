package dev.kfboot.cli;

import dev.kfboot.model.InputException;
import dev.kfboot.model.SafeText;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Starts kfboot and is the one place that turns failures into exit codes: input errors print one line and
 * a hint (exit 2), bugs print "internal error" (exit 4) with a stack trace only under {@code --debug}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; tests call this with their own writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        args = GlobalOptions.hoist(args);
        return run(KfbootCommand.commandLine(args), args, SafePrintWriter.wrap(out), SafePrintWriter.wrap(err));
    }

    private static int run(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        // the writers escape control characters: picocli's own colours would only show as \e[...
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> handle(ex, line, debug(args)));
        cli.setParameterExceptionHandler((ex, params) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("kfboot: error: " + SafeText.forTerminal(ex.getMessage()) + Suggestions.of(ex));
            c.getErr().println("  hint: run `" + c.getCommandSpec().qualifiedName() + " --help` for usage");
            c.getErr().flush();
            return ExitCodes.INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static int handle(Exception ex, CommandLine line, boolean debug) {
        PrintWriter err = line.getErr();
        Throwable cause = ex;
        if (cause instanceof CommandFailure f) {
            err.println("kfboot: error: " + SafeText.forTerminal(f.getMessage()));
            if (f.hint() != null) err.println("  hint: " + SafeText.forTerminal(f.hint()));
            err.flush();
            return f.exitCode();
        }
        if (cause instanceof InputException ie) {
            err.println("kfboot: error: " + SafeText.forTerminal(ie.oneLine()));
            if (ie.hint() != null) err.println("  hint: " + SafeText.forTerminal(ie.hint()));
            if (debug) ie.printStackTrace(err);
            err.flush();
            return ExitCodes.INPUT;
        }
        err.println("kfboot: internal error: " + SafeText.forTerminal(internalMessage(ex, line)));
        if (debug) ex.printStackTrace(err);
        else err.println("  hint: this is a bug in kfboot: run again with --debug for the stack trace, and report it");
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** Java's own words (class names, method calls, NPE's helpful messages) mean nothing to a user. */
    private static final Pattern JAVA_WORDS = Pattern.compile("\\b[a-z_$][\\w$]*(\\.[a-z_$][\\w$]*)*\\.[A-Z][\\w$]*\\b"
            + "|\\b\\w+(Exception|Error)\\b|[\\w$]\\(\\)|\"<local\\d+>\"|\\$\\d");

    /**
     * What failed, in the user's words: the command that stopped, and the first message in the exception's chain
     * that carries no Java class or method names; never the exception's class.
     */
    static String internalMessage(Throwable ex, CommandLine line) {
        String command = line.getParseResult() == null
                ? "kfboot"
                : line.getParseResult()
                        .asCommandLineList()
                        .get(line.getParseResult().asCommandLineList().size() - 1)
                        .getCommandSpec()
                        .qualifiedName();
        String what = null;
        for (Throwable t = ex; t != null && what == null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !JAVA_WORDS.matcher(m).find()) what = m.strip();
        }
        return "`" + command + "` stopped unexpectedly" + (what == null ? "" : ": " + what);
    }

    private static boolean debug(String[] args) {
        for (String a : args) if (a.equals("--debug")) return true;
        return "1".equals(System.getenv("KFBOOT_DEBUG"));
    }
}
