package dev.kfboot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Json;
import dev.kfboot.plan.Plan;
import dev.kfboot.plan.PlanJson;
import dev.kfboot.render.RenderCache;
import dev.kfboot.render.Rendering;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renders the released kubeflow/manifests trees with real kustomize and plans them. */
class UpstreamPlanIT {

    /**
     * One render per release for the whole class, through the suite's shared render cache (its key covers every input
     * of a render): rendering is the slow part, and the catalog scan renders the same variants.
     */
    private static final Map<String, Plan> RENDERED = new ConcurrentHashMap<>();

    private static Plan rendered(String release) {
        Kustomize.required();
        Path tree = UpstreamData.release(release);
        return RENDERED.computeIfAbsent(
                release,
                r -> new Kfboot(
                                Catalogs.builtin(),
                                new RenderCache(Rendering::run, UpstreamData.renderCache()),
                                p -> {})
                        .plan(Platform.defaults(r), Sources.render(tree, UpstreamData.remoteCache())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"26.03, 27, 675", "v1.11.0, 28, 653"})
    void rendersTheExampleSetAndMatchesTheCommittedFacts(String release, int components, int objects) {
        Plan rendered = rendered(release);
        Plan fromFacts = Kfboot.quiet().plan(Platform.defaults(release), Sources.facts());

        assertThat(rendered.findings()).isEmpty();
        assertThat(rendered.waves()).hasSize(components);
        assertThat(rendered.inventory().size()).isEqualTo(objects);
        assertThat(rendered.waveList()).hasSizeLessThanOrEqualTo(5);
        // The committed facts are what this render produces: same waves, same edges, same reasons.
        assertThat(withoutSource(rendered)).isEqualTo(withoutSource(fromFacts));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"26.03", "v1.11.0"})
    void placesEveryComponentAfterWhatFactsMdListsForIt(String release) {
        PlacementFacts.assertHold(rendered(release));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"26.03", "v1.11.0"})
    void catalogHasEveryComponentOfTheExample(String release) {
        var catalog = Catalogs.builtin().release(release);
        var example = ExampleKustomization.read(UpstreamData.release(release));
        var catalogPaths = catalog.exampleComponents().stream()
                .flatMap(c -> c.defaultVariant().paths().stream())
                .toList();
        assertThat(catalogPaths).containsExactlyInAnyOrderElementsOf(example);
    }

    /** The plan as JSON without its "source" line, which names where it came from (facts or a rendered tree). */
    static String withoutSource(Plan plan) {
        ObjectNode json = Json.mapper().valueToTree(PlanJson.document(plan));
        json.remove("source");
        return json.toPrettyString();
    }
}
