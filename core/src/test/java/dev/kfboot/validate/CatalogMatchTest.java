package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.ReleaseCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogMatchTest {

    /** Every release kfboot ships lists its core set, and each listed id is a component of the release. */
    @Test
    void everyShippedReleaseHasACoreSetOfItsOwnComponents() {
        for (String release : Catalogs.builtin().releases()) {
            ReleaseCatalog c = Catalogs.builtin().release(release);
            assertThat(CatalogMatch.coreSets()).as(release).containsKey(release);
            assertThat(CatalogMatch.coreSets().get(release))
                    .as(release)
                    .allMatch(id -> c.component(id).isPresent(), "is a component of " + release);
        }
    }

    /** 26.03.1's listed core set is 26.03's mapped through 26.03.1's renames: the list and the rename data agree. */
    @Test
    void theCoreSetOfARenamedReleaseFollowsItsRenames() {
        ReleaseCatalog r = Catalogs.builtin().release("26.03.1");
        ReleaseCatalog hidden = new ReleaseCatalog(
                "26.03.1-as-user-catalog",
                r.repo(),
                r.revision(),
                r.commit(),
                r.kubernetes(),
                r.components(),
                r.readmeVersions(),
                r.renames(),
                null);

        List<String> mapped = CatalogMatch.coreOf(hidden);

        assertThat(mapped)
                .containsExactlyElementsOf(CatalogMatch.coreOf(r))
                .contains("dashboard", "notebooks-v1")
                .doesNotContain("centraldashboard", "profiles");
    }

    /** A catalog without renames keeps the known core components it has by id, in its own order. */
    @Test
    void aDerivedCatalogKeepsTheKnownCoreComponentsItHas() {
        ReleaseCatalog r = Catalogs.builtin().release("26.03");
        ReleaseCatalog few = new ReleaseCatalog(
                "unknown",
                r.repo(),
                r.revision(),
                "",
                null,
                List.of(
                        r.component("user-namespace").orElseThrow(),
                        r.component("pipelines").orElseThrow(),
                        r.component("dex").orElseThrow()),
                null,
                null,
                "/tree/example");

        assertThat(CatalogMatch.coreOf(few)).containsExactly("user-namespace", "dex");
    }
}
