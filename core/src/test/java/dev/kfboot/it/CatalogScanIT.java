package dev.kfboot.it;

import dev.kfboot.catalog.CatalogScanner;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.FactsCodec;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed facts are exactly what scanning the release produces: generated, never written by hand. */
class CatalogScanIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"26.03", "v1.11.0"})
    void scanReproducesTheCommittedFacts(String release) throws IOException {
        Kustomize.required();
        var result = CatalogScanner.scan(Catalogs.builtin().release(release), UpstreamData.release(release),
                RenderOptions.defaults(UpstreamData.remoteCache()), r -> { });
        assertThat(result.findings()).isEmpty();
        String committed;
        try (InputStream in = Catalogs.class.getResourceAsStream("/dev/kfboot/catalog/" + release + ".facts.json")) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(FactsCodec.write(result.facts())).isEqualTo(committed);
    }
}
