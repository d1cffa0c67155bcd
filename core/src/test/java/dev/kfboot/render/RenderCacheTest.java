package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The render cache against a counting renderer: what is served, what is rendered again after which change,
 * and that a damaged entry is never read back as valid.
 */
class RenderCacheTest {

    @TempDir
    Path tree;

    @TempDir
    Path cacheDir;

    private final List<String> rendered = new ArrayList<>();
    private int version;

    /** Renders each unit to one ConfigMap naming its path and the current {@link #version}. */
    private final RenderRunner counting = (units, options, progress) -> {
        List<Rendered> out = new ArrayList<>();
        for (RenderUnit u : units) {
            rendered.add(u.paths().get(0));
            String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                    + u.paths().get(0).replace('/', '-') + "\ndata:\n  version: \"" + version + "\"\n";
            boolean fail = u.paths().get(0).contains("broken");
            out.add(
                    fail
                            ? new Rendered(
                                    u, List.of(), Finding.error("render-failed", u.id(), "boom", null), List.of(), 0)
                            : new Rendered(u, RenderedYaml.parse(yaml), null, List.of(), 0));
        }
        return new Rendering.Result(out, options.tool().version());
    };

    @BeforeEach
    void twoComponentsSharingABase() throws IOException {
        write("base/kustomization.yaml", "resources: [cm.yaml]\n");
        write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: base}\n");
        write("a/kustomization.yaml", "resources: [../base, deploy.yaml]\n");
        write("a/deploy.yaml", "kind: Deployment\n");
        write("b/kustomization.yaml", "resources: [svc.yaml]\n");
        write("b/svc.yaml", "kind: Service\n");
        write("broken/kustomization.yaml", "resources: [nope.yaml]\n");
    }

    private Path write(String path, String text) throws IOException {
        Path f = tree.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        // hashed files count as settled only when older than two seconds (see FileHashes)
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60)));
        return f;
    }

    private List<Rendered> run(RenderCache cache, String version, String... paths) {
        List<RenderUnit> units = new ArrayList<>();
        for (String p : paths) units.add(RenderUnit.of(p, tree, p));
        RenderOptions options =
                new RenderOptions(null, 1, Duration.ofSeconds(5), new KustomizeTool(List.of("kustomize"), version));
        List<Rendered> out = cache.run(units, options, r -> {}).rendered();
        cache.stats(); // entries are written in the background: wait for them as validate does
        return out;
    }

    private void runOnce(List<RenderUnit> units, RenderOptions options) {
        RenderCache cache = new RenderCache(counting, cacheDir);
        cache.run(units, options, r -> {});
        cache.stats();
    }

    private List<Rendered> run(String... paths) {
        return run(new RenderCache(counting, cacheDir), "v5.5.0", paths);
    }

    @Test
    void aSecondRunWithNothingChangedRendersNothing() {
        List<Rendered> first = run("a", "b");
        rendered.clear();
        RenderCache cache = new RenderCache(counting, cacheDir);

        List<Rendered> second = run(cache, "v5.5.0", "a", "b");

        assertThat(rendered).isEmpty();
        assertThat(cache.stats()).isEqualTo(new RenderCache.Stats(2, 0, 0));
        assertThat(second)
                .extracting(Rendered::documents)
                .isEqualTo(first.stream().map(Rendered::documents).toList());
        assertThat(second).extracting(r -> r.unit().id()).containsExactly("a", "b");
    }

    @Test
    void entriesAreWrittenInTheBackgroundAndStatsWaitForThem() throws IOException {
        RenderCache cache = new RenderCache(counting, cacheDir);
        RenderOptions options =
                new RenderOptions(null, 1, Duration.ofSeconds(5), new KustomizeTool(List.of("kustomize"), "v5.5.0"));

        cache.run(List.of(RenderUnit.of("a", tree, "a"), RenderUnit.of("b", tree, "b")), options, r -> {});

        assertThat(cache.stats()).isEqualTo(new RenderCache.Stats(0, 2, 2));
        try (Stream<Path> files = Files.walk(cacheDir.resolve("render"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(2);
        }
    }

    @Test
    void missesStartRenderingBeforeTheCachedEntriesAreRead() throws Exception {
        run("a");
        rendered.clear();
        CountDownLatch renderStarted = new CountDownLatch(1);
        RenderRunner signalling = (units, options, progress) -> {
            renderStarted.countDown();
            return counting.run(units, options, progress);
        };
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        RenderOptions options =
                new RenderOptions(null, 1, Duration.ofSeconds(5), new KustomizeTool(List.of("kustomize"), "v5.5.0"));

        List<Rendered> out = new RenderCache(signalling, cacheDir)
                .run(List.of(RenderUnit.of("a", tree, "a"), RenderUnit.of("b", tree, "b")), options, r -> {
                    // the hit is reported only once the miss is already rendering
                    if (r.unit().id().equals("a")) {
                        try {
                            order.add("a, miss rendering: " + renderStarted.await(5, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    } else {
                        order.add(r.unit().id());
                    }
                })
                .rendered();

        assertThat(order).contains("a, miss rendering: true");
        assertThat(rendered).containsExactly("b");
        assertThat(out).extracting(r -> r.unit().id()).containsExactly("a", "b");
    }

    @Test
    void aChangedFileReRendersExactlyTheUnitsThatReadIt() throws IOException {
        run("a", "b");
        rendered.clear();

        write("b/svc.yaml", "kind: Service\nmetadata: {name: changed}\n");
        run("a", "b");
        assertThat(rendered).containsExactly("b");

        rendered.clear();
        write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: base-changed}\n");
        run("a", "b");
        assertThat(rendered).containsExactly("a"); // only a reads the shared base
    }

    @Test
    void aNewFileNextToAKustomizationAndAnotherKustomizeVersionMiss() throws IOException {
        run("a", "b");
        rendered.clear();

        write("b/extra.yaml", "kind: ConfigMap\n");
        run("a", "b");
        assertThat(rendered).containsExactly("b");

        rendered.clear();
        run(new RenderCache(counting, cacheDir), "v5.6.0", "a", "b");
        assertThat(rendered).containsExactly("a", "b");
    }

    @Test
    void theSameTreeElsewhereHitsTheSameEntries(@TempDir Path copy) throws IOException {
        run("a", "b");
        rendered.clear();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(tree.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        List<RenderUnit> units = List.of(RenderUnit.of("a", copy, "a"));
        runOnce(
                units,
                new RenderOptions(null, 1, Duration.ofSeconds(5), new KustomizeTool(List.of("kustomize"), "v5.5.0")));
        assertThat(rendered).isEmpty();
    }

    @Test
    void failedRendersAreNotStored() {
        run("broken");
        rendered.clear();
        run("broken");
        assertThat(rendered).containsExactly("broken");
    }

    @Test
    void aTruncatedOrTamperedEntryIsAMissAndIsRemoved() throws IOException {
        run("a");
        Path entry;
        try (Stream<Path> files = Files.walk(cacheDir.resolve("render"))) {
            entry = files.filter(f -> f.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] whole = Files.readAllBytes(entry);

        Files.write(entry, Arrays.copyOf(whole, whole.length / 2)); // a write cut short
        rendered.clear();
        assertThat(run("a").get(0).documents()).hasSize(1);
        assertThat(rendered).containsExactly("a");

        String text = new String(Files.readAllBytes(entry), StandardCharsets.UTF_8);
        Files.writeString(
                entry,
                text.replace("\"version\":\"0\"", "\"version\":\"9\""),
                StandardCharsets.UTF_8); // same length, other bytes
        rendered.clear();
        Rendered again = run("a").get(0);
        assertThat(rendered).containsExactly("a");
        assertThat(again.documents().get(0).toString()).contains("version=0");

        Files.writeString(entry, "kfboot-render-cache 1 nonsense\n{}", StandardCharsets.UTF_8);
        rendered.clear();
        run("a");
        assertThat(rendered).containsExactly("a");
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsSpeed() throws IOException {
        Path file = cacheDir.resolve("not-a-dir");
        Files.writeString(file, "x");
        RenderCache cache = new RenderCache(counting, file);

        List<Rendered> out = run(cache, "v5.5.0", "a");

        assertThat(out.get(0).ok()).isTrue();
        assertThat(cache.stats().stored()).isZero();
    }

    @Test
    void remoteBasesKeyOnTheRemoteCacheContent() throws IOException {
        write("r/kustomization.yaml", "resources:\n- https://github.com/acme/manifests/base?ref=v1\n");
        write("remote/INDEX.tsv", "https://github.com/acme/manifests\tv1\tacme/v1\n");
        write("remote/acme/v1/base/kustomization.yaml", "resources: [cm.yaml]\n");
        write("remote/acme/v1/base/cm.yaml", "kind: ConfigMap\n");
        RenderOptions options = new RenderOptions(
                tree.resolve("remote"), 1, Duration.ofSeconds(5), new KustomizeTool(List.of("kustomize"), "v5.5.0"));
        List<RenderUnit> units = List.of(RenderUnit.of("r", tree, "r"));

        runOnce(units, options);
        runOnce(units, options);
        assertThat(rendered).containsExactly("r");

        write("remote/acme/v1/base/cm.yaml", "kind: ConfigMap\nmetadata: {name: moved-tag}\n");
        runOnce(units, options);
        assertThat(rendered).containsExactly("r", "r");

        // without a remote cache the content is whatever the network serves: never cached
        RenderOptions network = new RenderOptions(null, 1, Duration.ofSeconds(5), options.tool());
        runOnce(units, network);
        runOnce(units, network);
        assertThat(rendered).hasSize(4);
    }
}
