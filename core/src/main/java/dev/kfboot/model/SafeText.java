package dev.kfboot.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from a tree or an API server made safe to print: control characters escaped (a name must not clear the
 * screen, move the cursor or start a line of its own such as {@code ::error::}, which GitHub Actions reads as a
 * workflow command), and credentials in URLs ({@code https://user:token@host}) replaced by {@code ***}.
 * JSON and SARIF escape control characters themselves; every text printer goes through {@link #forTerminal}.
 */
public final class SafeText {

    /** {@code scheme://userinfo@}: everything between the scheme and the host is a credential, except ssh's "git". */
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s@?#]+)@");

    private SafeText() {}

    /** Escaped and redacted: for any text a terminal shows. */
    public static String forTerminal(String s) {
        return s == null ? null : escape(redactCredentials(s));
    }

    /** The credentials in URLs replaced by {@code ***} ({@code git@} of an ssh URL is kept: it is no secret). */
    public static String redactCredentials(String s) {
        if (s == null || s.indexOf('@') < 0 || !s.contains("://")) return s;
        return URL_USERINFO
                .matcher(s)
                .replaceAll(m -> m.group(2).equals("git")
                        ? Matcher.quoteReplacement(m.group())
                        : Matcher.quoteReplacement(m.group(1) + "***@"));
    }

    /**
     * The URL without the credentials in it, for writing into a tree (where {@link #redactCredentials} would leave a
     * broken {@code ***}): the whole userinfo goes, except the {@code git} user of an ssh URL.
     */
    public static String withoutCredentials(String url) {
        if (url == null || url.indexOf('@') < 0 || !url.contains("://")) return url;
        return URL_USERINFO
                .matcher(url)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(2).equals("git") ? m.group() : m.group(1)));
    }

    /** Whether the text holds a URL with credentials (a user, a password or a token before the host). */
    public static boolean hasCredentials(String s) {
        return s != null && !s.equals(withoutCredentials(s));
    }

    /**
     * Control characters shown as escapes: {@code \e}, {@code \a}, {@code \r}, {@code \n}, {@code \t}, other C0
     * and DEL as {@code \xNN}, C1 and the Unicode direction overrides as {@code \\uNNNN}. A backslash stays as it is.
     */
    public static String escape(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case 0x1b -> sb.append("\\e");
                case 0x07 -> sb.append("\\a");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** C0, DEL, C1, and the bidirectional overrides and isolates (they reorder what a reader sees). */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
