package dev.kfboot.render;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which git ref a remote base written in a kustomization fetches, read from the URL alone (offline, nothing is asked
 * of the remote): kustomize's {@code ?ref=} (or {@code ?version=}) of a git base, the ref segment of a
 * {@code raw.githubusercontent.com} (also {@code refs/heads/B}, {@code refs/tags/T}), {@code github.com/O/R/raw/REF}
 * or {@code blob/REF} file, the tag of a GitHub release download ({@code releases/latest/download} moves). A plain
 * HTTPS file elsewhere names no ref kfboot can read: it is not judged.
 *
 * @param ref    the ref, or null when a git base names none (kustomize then clones the default branch)
 * @param branch whether the ref moves: none at all, or a name that looks like a branch (no digit, or
 *               {@code ...-branch}); a commit or a name with a version in it is taken as pinned
 */
public record RemoteRef(String url, String ref, boolean branch) {

    private static final Pattern QUERY_REF = Pattern.compile("[?&](?:ref|version)=([^&]+)");
    private static final Pattern RAW =
            Pattern.compile("^https?://raw\\.githubusercontent\\.com/[^/]+/[^/]+/([^/]+)/.+");
    private static final Pattern GITHUB_FILE =
            Pattern.compile("^https?://github\\.com/[^/]+/[^/]+/(?:raw|blob)/([^/]+)/.+");
    private static final Pattern RAW_REFS =
            Pattern.compile("^https?://raw\\.githubusercontent\\.com/[^/]+/[^/]+/refs/(heads|tags)/([^/]+)/.+");
    private static final Pattern LATEST =
            Pattern.compile("^https?://github\\.com/[^/]+/[^/]+/releases/latest/download/.+");
    private static final Pattern RELEASE =
            Pattern.compile("^https?://github\\.com/[^/]+/[^/]+/releases/download/([^/]+)/.+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    /** The ref of a remote base, or empty when the URL is a plain file whose ref cannot be told. */
    public static Optional<RemoteRef> of(String url) {
        String u = url.trim();
        Matcher m = QUERY_REF.matcher(u);
        if (m.find()) return Optional.of(new RemoteRef(url, m.group(1), movable(m.group(1))));
        Matcher refs = RAW_REFS.matcher(u);
        if (refs.matches())
            return Optional.of(new RemoteRef(url, refs.group(2), refs.group(1).equals("heads")));
        if (LATEST.matcher(u).matches()) return Optional.of(new RemoteRef(url, "latest", true));
        for (Pattern p : new Pattern[] {RAW, GITHUB_FILE}) {
            Matcher f = p.matcher(u);
            if (f.matches()) return Optional.of(new RemoteRef(url, f.group(1), movable(f.group(1))));
        }
        Matcher r = RELEASE.matcher(u);
        if (r.matches()) return Optional.of(new RemoteRef(url, r.group(1), false));
        if (isGitBase(u)) return Optional.of(new RemoteRef(url, null, true));
        return Optional.empty();
    }

    /** A kustomize git base (cloned), as opposed to a single file fetched over HTTP. */
    private static boolean isGitBase(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        if (l.startsWith("git::")
                || l.startsWith("git@")
                || l.startsWith("ssh://")
                || l.contains(".git//")
                || l.endsWith(".git")
                || l.contains(".git?")) {
            return true;
        }
        String host = l.replaceFirst("^https?://", "");
        boolean forge =
                host.startsWith("github.com/") || host.startsWith("gitlab.com/") || host.startsWith("bitbucket.org/");
        return forge && !l.matches(".*\\.(ya?ml|json)$");
    }

    private static boolean movable(String ref) {
        String r = ref.toLowerCase(Locale.ROOT);
        if (COMMIT.matcher(r).matches()) return false;
        return r.contains("branch") || !r.matches(".*[0-9].*");
    }

    /** What the base fetches, in words. */
    public String describe() {
        if (ref == null) return url + " (no ?ref=: the repository's default branch)";
        return url
                + (ref.equals("latest") && url.contains("/releases/latest/")
                        ? " (the latest release, whichever that is)"
                        : " (ref " + ref + ", a branch)");
    }
}
