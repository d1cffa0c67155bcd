package dev.kfboot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReusedRendersTest {

    private static final Path ROOT = Path.of("/repo");
    private static final RenderOptions OPTIONS =
            new RenderOptions(null, 1, Duration.ofSeconds(5), new KustomizeTool(List.of("kustomize"), "v5.5.0"));

    private final List<RenderUnit> asked = new ArrayList<>();

    /** Renders each unit as one ConfigMap named after its id; records what it was asked. */
    private final RenderRunner runner = (units, options, progress) -> {
        asked.addAll(units);
        List<Rendered> out = new ArrayList<>();
        for (RenderUnit u : units) {
            out.add(new Rendered(u, List.of(Map.of("kind", "ConfigMap", "name", u.id())), null, List.of(), 5));
        }
        return new Rendering.Result(out, "v5.5.0");
    };

    @Test
    void aUnitRenderedEarlierInTheRunIsAnsweredFromThatRenderUnderItsOwnId() {
        Rendered app = new Rendered(
                RenderUnit.of("kserve-app", ROOT.resolve("."), "applications/kserve/kserve"),
                List.of(Map.of("kind", "Deployment", "name", "kserve-controller-manager")),
                null,
                List.of("https://example.org/base?ref=v1"),
                900);
        RenderUnit again = RenderUnit.of("kserve/default", ROOT, "applications/kserve/kserve");
        RenderUnit other = RenderUnit.of("katib/default", ROOT, "applications/katib/upstream");
        List<Rendered> progress = new ArrayList<>();

        Rendering.Result r =
                ReusedRenders.over(List.of(app), runner).run(List.of(again, other), OPTIONS, progress::add);

        assertThat(asked).containsExactly(other);
        assertThat(r.rendered()).extracting(Rendered::unit).containsExactly(again, other);
        assertThat(r.rendered().get(0).documents()).isEqualTo(app.documents());
        assertThat(r.rendered().get(0).remoteUrls()).isEqualTo(app.remoteUrls());
        assertThat(r.kustomizeVersion()).isEqualTo("v5.5.0");
        assertThat(progress).extracting(Rendered::unit).containsExactlyInAnyOrder(again);
    }

    @Test
    void aUnitWithOtherComponentsIsRenderedAndAFailedOneKeepsItsFailure() {
        Finding boom = Finding.error("render", "a", "boom", "");
        Rendered failed = new Rendered(RenderUnit.of("a", ROOT, "apps/a"), null, boom, List.of(), 1);
        Rendered plain = new Rendered(RenderUnit.of("b", ROOT, "apps/b"), List.of(), null, List.of(), 1);
        RenderUnit a = RenderUnit.of("a/default", ROOT, "apps/a");
        RenderUnit bWithComponent = new RenderUnit("b/x", ROOT, List.of("apps/b"), List.of("components/x"));

        Rendering.Result r =
                ReusedRenders.over(List.of(failed, plain), runner).run(List.of(a, bWithComponent), OPTIONS, x -> {});

        assertThat(asked).containsExactly(bWithComponent);
        assertThat(r.rendered().get(0).unit()).isEqualTo(a);
        assertThat(r.rendered().get(0).failure()).isEqualTo(boom);
        assertThat(r.rendered().get(1).ok()).isTrue();
    }
}
