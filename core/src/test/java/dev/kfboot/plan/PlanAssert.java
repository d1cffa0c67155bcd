package dev.kfboot.plan;

import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/** Reads like the plan it checks: {@code assertThat(plan).placesBefore("cert-manager", "kserve")}. */
public final class PlanAssert extends AbstractAssert<PlanAssert, Plan> {

    private PlanAssert(Plan plan) {
        super(plan, PlanAssert.class);
    }

    public static PlanAssert assertThat(Plan plan) {
        return new PlanAssert(plan);
    }

    /** {@code earlier} is in a strictly earlier wave than {@code later}. */
    public PlanAssert placesBefore(String earlier, String later) {
        isNotNull();
        int a = waveOf(earlier);
        int b = waveOf(later);
        if (a >= b) {
            failWithMessage(
                    "expected %s (wave %d) to be placed before %s (wave %d)%nwaves: %s",
                    earlier, a, later, b, actual.waveList());
        }
        return this;
    }

    /** {@code earlier} is in a strictly earlier wave than each of {@code later}. */
    public PlanAssert placesBeforeEach(String earlier, String... later) {
        for (String l : later) placesBefore(earlier, l);
        return this;
    }

    public PlanAssert placesInWave(String component, int wave) {
        isNotNull();
        int w = waveOf(component);
        if (w != wave) failWithMessage("expected %s in wave %d but it is in wave %d", component, wave, w);
        return this;
    }

    public PlanAssert hasComponents(int count) {
        isNotNull();
        if (actual.waves().size() != count) {
            failWithMessage(
                    "expected %d components but the plan has %d: %s",
                    count, actual.waves().size(), actual.waves().keySet());
        }
        return this;
    }

    public PlanAssert hasAtMostWaves(int count) {
        isNotNull();
        if (actual.waveList().size() > count) {
            failWithMessage(
                    "expected at most %d waves but the plan has %d: %s",
                    count, actual.waveList().size(), actual.waveList());
        }
        return this;
    }

    /** Every edge of the plan's graph points to a strictly earlier wave. */
    public PlanAssert respectsEveryDependency() {
        isNotNull();
        Map<String, Integer> waves = actual.waves();
        actual.graph().edges().forEach(d -> {
            if (waves.get(d.component()) <= waves.get(d.dependsOn())) {
                failWithMessage(
                        "%s (wave %d) must come after %s (wave %d): %s",
                        d.component(), waves.get(d.component()), d.dependsOn(), waves.get(d.dependsOn()), d.reasons());
            }
        });
        return this;
    }

    private int waveOf(String component) {
        Integer w = actual.waves().get(component);
        if (w == null)
            failWithMessage(
                    "%s is not in the plan; components: %s",
                    component, actual.waves().keySet());
        return w;
    }
}
