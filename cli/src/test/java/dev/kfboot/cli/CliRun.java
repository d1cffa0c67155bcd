package dev.kfboot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs one kfboot command line in-process and keeps what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** No Java stack trace leaked to the user. */
    boolean noStackTrace() {
        return !err.contains("\tat ") && !err.contains("Exception in thread") && !out.contains("\tat ");
    }
}
