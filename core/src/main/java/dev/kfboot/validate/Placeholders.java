package dev.kfboot.validate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repository URLs that were never filled in: {@code your-org}, {@code YOUR_ORG/YOUR_REPO}, {@code <org>},
 * {@code ${REPO}}, {@code changeme}, and hosts under the reserved example domains (RFC 2606).
 */
public final class Placeholders {

    private static final Pattern TOKEN = Pattern.compile(
            "your[-_]?(org|organi[sz]ation|repo|repository|user|username|name|company|fork|account|project|team|github)"
                    + "|<[^>]*>|\\$\\{[^}]*}|\\$[A-Z_]{3,}|change[-_]?me|replace[-_]?me|todo|xxx+");
    private static final Pattern RESERVED_HOST = Pattern.compile(
            "^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]*@)?((?:[a-z0-9-]+\\.)*example\\.(?:com|org|net)|example)(?:[:/]|$)");

    private Placeholders() {}

    /** What makes {@code url} a placeholder, e.g. "your-org" or "example.com"; empty for a real URL. */
    public static Optional<String> in(String url) {
        if (url == null) return Optional.empty();
        String lower = url.toLowerCase(Locale.ROOT).trim();
        Matcher host = RESERVED_HOST.matcher(lower);
        if (host.find()) return Optional.of(host.group(1));
        Matcher t = TOKEN.matcher(lower);
        if (t.find()) return Optional.of(url.substring(t.start(), t.end()));
        return Optional.empty();
    }
}
