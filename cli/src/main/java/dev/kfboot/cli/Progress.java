package dev.kfboot.cli;

import dev.kfboot.render.Rendered;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Render progress on stderr, one line per unit, so long renders show they are moving. */
public final class Progress implements Consumer<Rendered> {

    private final PrintWriter err;
    private final boolean enabled;

    public Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void accept(Rendered r) {
        if (!enabled) return;
        String what = r.ok()
                ? r.documents().size() + " objects"
                : "FAILED: " + firstLine(r.failure().message());
        err.printf("rendered %-28s %6.1fs  %s%n", r.unit().id(), r.millis() / 1000.0, what);
        err.flush();
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().split("\n", 2)[0];
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
