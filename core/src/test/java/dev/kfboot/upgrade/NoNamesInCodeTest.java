package dev.kfboot.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.UpstreamData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The upgrade is derived from the rendered manifests, not from a list: no object upstream's upgrade notes name by
 * hand appears anywhere in the main code of any module.
 */
class NoNamesInCodeTest {

    /** What the notes of 26.03.1 and earlier name (facts.md); more are read from the READMEs when the data is there. */
    private static final Set<String> NOTED = Set.of(
            "jobset-controller-manager",
            "llmisvc-manager-rolebinding",
            "meta-controller-cluster-role-binding",
            "minio");

    private static final Pattern DELETE = Pattern.compile("kubectl delete [a-z.]+ ([a-z0-9][a-z0-9.-]+)");

    @Test
    void noObjectNamedInUpstreamsUpgradeNotesAppearsInMainCode() throws IOException {
        Set<String> names = new TreeSet<>(NOTED);
        names.addAll(fromReadmes());
        Path root = UpstreamData.repoRoot();
        List<String> hits = new ArrayList<>();
        for (String module : List.of("core", "cluster", "cli")) {
            Path main = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    String text = read(p).toLowerCase();
                    for (String n : names) if (text.contains(n)) hits.add(root.relativize(p) + ": " + n);
                });
            }
        }
        assertThat(names).contains("jobset-controller-manager", "llmisvc-manager-rolebinding");
        assertThat(hits).isEmpty();
    }

    /** The objects each release README's upgrade notes tell people to delete by hand (none when the data is absent). */
    private static Set<String> fromReadmes() throws IOException {
        Set<String> out = new TreeSet<>();
        String prop = System.getProperty("kfboot.upstream", "");
        if (prop.isBlank()) return out;
        Path releases = UpstreamData.dir().resolve("kubeflow-manifests");
        try (Stream<Path> dirs = Files.list(releases)) {
            for (Path d : dirs.toList()) {
                Path readme = d.resolve("README.md");
                if (!Files.isRegularFile(readme)) continue;
                Matcher m = DELETE.matcher(Files.readString(readme));
                while (m.find()) if (!m.group(1).startsWith("<")) out.add(m.group(1));
            }
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
