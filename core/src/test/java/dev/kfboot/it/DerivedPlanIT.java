package dev.kfboot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.TreeCatalog;
import dev.kfboot.model.Severity;
import dev.kfboot.plan.Plan;
import dev.kfboot.render.RenderCache;
import dev.kfboot.render.Rendering;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each released tree planned twice with real kustomize: with its catalog, and as a tree kfboot has never seen (its
 * catalog hidden, so the components are derived from its example). The waves are the same, except where the
 * derivation cannot know what the catalog keeps by hand, which each case names. Both plans of a release render the
 * same paths, through the suite's shared render cache: the second (and every other test's) hits it.
 */
class DerivedPlanIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                // nothing differs
                "26.03;;",
                // the catalog keeps cert-manager's base and its issuer as one component; the example lists two entries
                "v1.11.0;kubeflow-issuer=1;cert-manager",
                // the catalog declares that the per-profile model registry waits for the profile namespace (a runtime
                // coupling)
                "26.03.1;model-registry=2;model-registry",
            })
    void derivedPlanMatchesTheCatalogued(String release, String onlyDerived, String explained) {
        Kustomize.required();
        Path tree = UpstreamData.release(release);
        Sources sources = Sources.render(tree, UpstreamData.remoteCache());
        Plan catalogued = kfboot(Catalogs.builtin()).plan(Platform.defaults(release), sources);
        Catalogs hidden = Catalogs.builtin().without(release);
        TreeCatalog tc = hidden.forTree(tree);
        Plan derived = kfboot(hidden).plan(Platform.defaults(null), sources);

        assertThat(tc.derived()).isTrue();
        assertThat(derived.release()).isEqualTo("unknown (derived from " + tree.resolve("example") + ")");
        assertThat(catalogued.release()).isEqualTo(release);
        assertThat(derived.hasErrors()).as(derived.findings().toString()).isFalse();
        assertThat(catalogued.findings()).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(derived.inventory().size()).isEqualTo(catalogued.inventory().size());

        Map<String, Integer> expected = new TreeMap<>(catalogued.waves());
        Map<String, Integer> actual = new TreeMap<>(derived.waves());
        if (explained != null)
            for (String id : explained.split(",")) {
                expected.remove(id);
                actual.remove(id);
            }
        if (onlyDerived != null)
            for (String pair : onlyDerived.split(",")) {
                String[] kv = pair.split("=");
                assertThat(derived.waves()).containsEntry(kv[0], Integer.parseInt(kv[1]));
                actual.remove(kv[0]);
            }
        assertThat(actual).isEqualTo(expected);
    }

    private static Kfboot kfboot(Catalogs catalogs) {
        return new Kfboot(catalogs, new RenderCache(Rendering::run, UpstreamData.renderCache()), r -> {});
    }
}
