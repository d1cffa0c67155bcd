package dev.kfboot.validate;

import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Charts from chart repositories and OCI registries, laid out locally ({@code --helm-cache DIR}, like
 * {@code --remote-cache}): under {@code DIR/<host>/<path>} of the repository URL (scheme and {@code oci://}
 * dropped), either the chart repository as it is served ({@code index.yaml} naming each version's archive), or
 * {@code <chart>-<version>.tgz}, or an unpacked {@code <chart>/<version>/} or {@code <chart>/} whose
 * {@code Chart.yaml} has that version. Nothing outside {@code DIR} is returned.
 */
public final class HelmCache {

    private HelmCache() {}

    /** The chart (archive or directory) for a repository URL, chart name and version, or empty. */
    public static Optional<Path> find(Path cache, String repoUrl, String chart, String version) {
        if (repoUrl == null || chart == null || chart.contains("..") || chart.contains("/")) return Optional.empty();
        Path top = cache.toAbsolutePath().normalize();
        Path repo = top.resolve(key(repoUrl)).normalize();
        if (!repo.startsWith(top) || !Files.isDirectory(repo)) return Optional.empty();
        Optional<Path> indexed = fromIndex(repo, chart, version);
        if (indexed.isPresent()) return indexed;
        if (version != null && !version.isBlank()) {
            Path tgz = repo.resolve(chart + "-" + version + ".tgz").normalize();
            if (tgz.startsWith(repo) && Files.isRegularFile(tgz)) return Optional.of(tgz);
            Path dir = repo.resolve(chart).resolve(version).normalize();
            if (dir.startsWith(repo) && Files.isRegularFile(dir.resolve("Chart.yaml"))) return Optional.of(dir);
        }
        Path dir = repo.resolve(chart);
        if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            String v = chartVersion(dir.resolve("Chart.yaml"));
            if (version == null || version.isBlank() || version.equals(v)) return Optional.of(dir);
        }
        return Optional.empty();
    }

    /** {@code https://charts.example.com/stable/} and {@code oci://ghcr.io/o/charts} as relative directories. */
    static String key(String repoUrl) {
        String u = repoUrl.trim();
        int scheme = u.indexOf("://");
        if (scheme >= 0) u = u.substring(scheme + 3);
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u.toLowerCase(Locale.ROOT).replace(':', '_');
    }

    @SuppressWarnings("unchecked")
    private static Optional<Path> fromIndex(Path repo, String chart, String version) {
        Path index = repo.resolve("index.yaml");
        if (!Files.isRegularFile(index)) return Optional.empty();
        try {
            List<Map<String, Object>> docs = RenderedYaml.parse(Files.readString(index, StandardCharsets.UTF_8));
            if (docs.isEmpty() || !(docs.get(0).get("entries") instanceof Map<?, ?> entries)) return Optional.empty();
            if (!(entries.get(chart) instanceof List<?> versions)) return Optional.empty();
            for (Object o : versions) {
                if (!(o instanceof Map<?, ?> e)) continue;
                String v = String.valueOf(e.get("version"));
                if (version != null && !version.isBlank() && !version.equals(v)) continue;
                if (!(e.get("urls") instanceof List<?> urls) || urls.isEmpty()) continue;
                String url = String.valueOf(urls.get(0));
                String name = url.substring(url.lastIndexOf('/') + 1);
                Path tgz = repo.resolve(name).normalize();
                if (tgz.startsWith(repo) && Files.isRegularFile(tgz)) return Optional.of(tgz);
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String chartVersion(Path chartYaml) {
        try {
            List<Map<String, Object>> docs = RenderedYaml.parse(Files.readString(chartYaml, StandardCharsets.UTF_8));
            return docs.isEmpty() ? null : String.valueOf(docs.get(0).get("version"));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
