package dev.kfboot.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations the way kubectl writes them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h30m}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String v = value.trim();
        Matcher m = PART.matcher(v);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
            at = m.end();
        }
        if (at == 0 || at != v.length()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (write e.g. 90s, 10m, 1h30m)");
        }
        return total;
    }

    /** A duration as {@link #parse} reads it: {@code 3h}, {@code 1h30m}, {@code 90s} shows as {@code 1m30s}. */
    static String format(Duration d) {
        StringBuilder out = new StringBuilder();
        long[] parts = {d.toHours(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart()};
        String[] units = {"h", "m", "s", "ms"};
        for (int i = 0; i < parts.length; i++)
            if (parts[i] > 0) out.append(parts[i]).append(units[i]);
        return out.length() == 0 ? "0s" : out.toString();
    }
}
