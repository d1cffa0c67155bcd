package dev.kfboot.render;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A local copy of the remote kustomize bases a tree fetches at render time, described by an
 * {@code INDEX.tsv}: URL prefix (as written in kustomization.yaml, before {@code ?ref=}), ref ({@code -} for
 * none) and a directory or file relative to the cache.
 */
public final class RemoteCache {

    /** One INDEX.tsv row. */
    record Entry(String prefix, String ref, String local) {}

    /** A remote reference resolved to a local directory or file. */
    public record Resolved(String url, Path local, boolean isFile) {}

    private final Path dir;
    private final List<Entry> entries;

    private RemoteCache(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = entries;
    }

    /** @throws InputException when the directory or its INDEX.tsv is missing or malformed */
    public static RemoteCache load(Path dir) {
        Path index = dir.resolve("INDEX.tsv");
        if (!Files.isDirectory(dir)) {
            throw new InputException(
                    Location.of(dir.toString()),
                    "remote cache directory not found",
                    "pass --remote-cache DIR with a directory that holds INDEX.tsv");
        }
        if (!Files.isRegularFile(index)) {
            throw new InputException(
                    Location.of(index.toString()),
                    "remote cache has no INDEX.tsv",
                    "INDEX.tsv maps each remote URL prefix and ref to a directory under the cache");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(index.toString()), "cannot read: " + e.getMessage(), "check permissions");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new InputException(
                        new Location(index.toString(), i + 1),
                        "expected 3 tab-separated fields (URL prefix, ref, local path), found " + f.length,
                        "separate the fields with tabs");
            }
            String local = f[2].trim();
            if (local.startsWith("/") || Path.of(local).normalize().startsWith("..")) {
                throw new InputException(
                        new Location(index.toString(), i + 1),
                        "local path '" + local + "' leaves the cache directory",
                        "use a path relative to the cache");
            }
            entries.add(new Entry(normalize(f[0].trim()), f[1].trim(), local));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        return new RemoteCache(dir.toAbsolutePath().normalize(), List.copyOf(entries));
    }

    public Path dir() {
        return dir;
    }

    /** Resolves a remote reference such as {@code https://github.com/o/r/manifests/base?ref=v1}. */
    public Optional<Resolved> resolve(String url) {
        String ref = "-";
        String base = url;
        int q = url.indexOf('?');
        if (q >= 0) {
            base = url.substring(0, q);
            for (String param : url.substring(q + 1).split("&")) {
                if (param.startsWith("ref=") || param.startsWith("version="))
                    ref = param.substring(param.indexOf('=') + 1);
            }
        }
        String normalized = normalize(base);
        for (Entry e : entries) {
            if (!e.ref().equals(ref)) continue;
            if (normalized.equals(e.prefix()) || normalized.startsWith(e.prefix() + "/")) {
                String rest = normalized.substring(e.prefix().length());
                Path local = dir.resolve(e.local() + rest).normalize();
                if (!local.startsWith(dir) || !Files.exists(local)) return Optional.empty();
                return Optional.of(new Resolved(url, local, Files.isRegularFile(local)));
            }
        }
        return Optional.empty();
    }

    /** Whether a kustomization entry is a remote reference rather than a local path. */
    public static boolean isRemote(String entry) {
        return entry.startsWith("https://")
                || entry.startsWith("http://")
                || entry.startsWith("git@")
                || entry.startsWith("ssh://")
                || entry.startsWith("git::")
                || entry.startsWith("github.com/")
                || entry.startsWith("gitlab.com/")
                || entry.startsWith("bitbucket.org/");
    }

    /** Drops a scheme-less difference: {@code //} repo separators and {@code .git} suffixes. */
    static String normalize(String url) {
        String u = url;
        int scheme = u.indexOf("://");
        String head = scheme >= 0 ? u.substring(0, scheme + 3) : "";
        String tail = scheme >= 0 ? u.substring(scheme + 3) : u;
        tail = tail.replaceAll("/{2,}", "/").replace(".git/", "/");
        if (tail.endsWith(".git")) tail = tail.substring(0, tail.length() - 4);
        if (tail.endsWith("/")) tail = tail.substring(0, tail.length() - 1);
        return head + tail;
    }
}
