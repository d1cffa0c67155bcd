package dev.kfboot.cli;

import dev.kfboot.model.SafeText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The last guard between kfboot and a terminal: every control character except line feed and tab is escaped on
 * its way out ({@link SafeText#escape}), so no text from a tree or an API server can clear the screen, move the
 * cursor or overwrite a line with a carriage return, whichever printer forgot to escape it. Line feeds inside
 * values are escaped where the values are printed ({@link SafeText#forTerminal}); kfboot's own terminal control
 * (the watch screen) goes through {@link #raw}.
 */
public final class SafePrintWriter extends PrintWriter {

    private SafePrintWriter(Writer out) {
        super(out, true);
    }

    static PrintWriter wrap(PrintWriter out) {
        return out instanceof SafePrintWriter ? out : new SafePrintWriter(out);
    }

    /** Writes kfboot's own control sequence unescaped; to any other writer as it is. */
    public static void raw(PrintWriter out, String controlSequence) {
        if (out instanceof SafePrintWriter s) s.writeRaw(controlSequence);
        else out.print(controlSequence);
    }

    private void writeRaw(String s) {
        super.write(s, 0, s.length());
    }

    @Override
    public void write(int c) {
        if (passes((char) c)) super.write(c);
        else writeRaw(SafeText.escape(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] buf, int off, int len) {
        write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) {
        boolean clean = true;
        for (int i = off; i < off + len && clean; i++) clean = passes(s.charAt(i));
        if (clean) {
            super.write(s, off, len);
            return;
        }
        StringBuilder sb = new StringBuilder(len + 16);
        for (int i = off; i < off + len; i++) {
            char c = s.charAt(i);
            if (passes(c)) sb.append(c);
            else sb.append(SafeText.escape(String.valueOf(c)));
        }
        super.write(sb.toString(), 0, sb.length());
    }

    private static boolean passes(char c) {
        return c == '\n' || c == '\t' || !SafeText.unsafe(c);
    }
}
