package dev.kfboot.model;

import java.util.Locale;

/** Git repository URLs compared as repositories, whatever their scheme, user, case or trailing {@code .git}. */
public final class RepoUrls {

    private RepoUrls() {}

    /**
     * {@code git@github.com:o/r.git}, {@code https://github.com/o/r} and {@code https://GitHub.com/o/r/} are one
     * repository.
     */
    public static String normalize(String url) {
        String u = url.trim();
        int scheme = u.indexOf("://");
        if (scheme >= 0) u = u.substring(scheme + 3);
        else if (u.contains("@") && u.contains(":"))
            u = u.substring(u.indexOf('@') + 1).replaceFirst(":", "/");
        int at = u.indexOf('@');
        if (at >= 0 && at < u.indexOf('/')) u = u.substring(at + 1);
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        if (u.endsWith(".git")) u = u.substring(0, u.length() - 4);
        return u.toLowerCase(Locale.ROOT);
    }

    /** Whether the two URLs name one repository; false when either is null. */
    public static boolean same(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }
}
