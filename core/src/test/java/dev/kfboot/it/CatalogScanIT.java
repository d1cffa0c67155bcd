package dev.kfboot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.CatalogFile;
import dev.kfboot.catalog.CatalogScanner;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.FactsCodec;
import dev.kfboot.plan.PlanJson;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.Rendering;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed facts are exactly what scanning the release produces: generated, never written by hand. And a
 * scan written as a user catalog and read back (the release hidden from the built-in ones) plans the same.
 */
class CatalogScanIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"26.03", "v1.11.0", "26.03.1"})
    void scanReproducesTheCommittedFactsAndRoundTripsAsAUserCatalog(String release) throws IOException {
        Kustomize.required();
        var catalog = Catalogs.builtin().release(release);
        var result = CatalogScanner.scan(
                catalog, UpstreamData.release(release), RenderOptions.defaults(UpstreamData.remoteCache()), r -> {});
        assertThat(result.findings()).isEmpty();
        String committed;
        try (InputStream in = Catalogs.class.getResourceAsStream("/dev/kfboot/catalog/" + release + ".facts.json")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(FactsCodec.write(result.facts())).isEqualTo(committed);

        Path file = dir.resolve(release + ".json");
        Files.writeString(file, CatalogFile.write(catalog, result.facts()));
        Catalogs user = CatalogFile.withUserCatalogs(Catalogs.builtin().without(release), null, List.of(file));
        assertThat(user.origin(release)).isEqualTo(file.toString());
        assertThat(user.release(release)).isEqualTo(catalog);
        String builtIn = PlanJson.write(Kfboot.quiet().plan(Platform.defaults(release), Sources.facts()));
        String fromFile = PlanJson.write(
                new Kfboot(user, Rendering::run, r -> {}).plan(Platform.defaults(release), Sources.facts()));
        assertThat(fromFile).isEqualTo(builtIn);
    }
}
