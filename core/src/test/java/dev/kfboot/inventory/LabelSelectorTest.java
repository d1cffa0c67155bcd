package dev.kfboot.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static LabelSelector expression(String key, String operator, String... values) {
        return new LabelSelector(Map.of(), List.of(new LabelSelector.Requirement(key, operator, List.of(values))));
    }

    @Test
    void inMatchesOnlyListedValues() {
        LabelSelector s = expression("istio-injection", "In", "enabled");

        assertThat(s.matches(Map.of("istio-injection", "enabled"))).isTrue();
        assertThat(s.matches(Map.of("istio-injection", "disabled"))).isFalse();
        assertThat(s.matches(Map.of())).isFalse();
    }

    @Test
    void notInMatchesOtherValuesAndAbsentKeys() {
        LabelSelector s = expression("sidecar.istio.io/inject", "NotIn", "false");

        assertThat(s.matches(Map.of())).isTrue();
        assertThat(s.matches(Map.of("sidecar.istio.io/inject", "true"))).isTrue();
        assertThat(s.matches(Map.of("sidecar.istio.io/inject", "false"))).isFalse();
    }

    @Test
    void existsAndDoesNotExist() {
        LabelSelector exists = expression("team", "Exists");
        LabelSelector absent = expression("team", "DoesNotExist");

        assertThat(exists.matches(Map.of("team", ""))).isTrue();
        assertThat(exists.matches(Map.of("other", "x"))).isFalse();
        assertThat(absent.matches(Map.of("other", "x"))).isTrue();
        assertThat(absent.matches(Map.of("team", "a"))).isFalse();
    }

    @Test
    void matchLabelsNeedsEveryPair() {
        LabelSelector s = new LabelSelector(Map.of("a", "1", "b", "2"), List.of());

        assertThat(s.matches(Map.of("a", "1", "b", "2", "c", "3"))).isTrue();
        assertThat(s.matches(Map.of("a", "1"))).isFalse();
        assertThat(s.matches(Map.of("a", "1", "b", "x"))).isFalse();
    }

    @Test
    void labelsAndExpressionsAreAnded() {
        LabelSelector s = new LabelSelector(
                Map.of("app", "x"), List.of(new LabelSelector.Requirement("env", "In", List.of("prod"))));

        assertThat(s.matches(Map.of("app", "x", "env", "prod"))).isTrue();
        assertThat(s.matches(Map.of("app", "x", "env", "dev"))).isFalse();
        assertThat(s.matches(Map.of("env", "prod"))).isFalse();
    }

    @Test
    void emptySelectorMatchesEverything() {
        assertThat(LabelSelector.EVERYTHING.isEverything()).isTrue();
        assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
        assertThat(LabelSelector.EVERYTHING.matches(Map.of("any", "thing"))).isTrue();
        assertThat(ObjectReader.selector(null)).isEqualTo(LabelSelector.EVERYTHING);
        assertThat(ObjectReader.selector(Map.of())).isEqualTo(LabelSelector.EVERYTHING);
    }

    @Test
    void unknownOperatorSelectsNothing() {
        assertThat(expression("a", "Gt", "1").matches(Map.of("a", "2"))).isFalse();
    }

    @Test
    void printsKubectlStyle() {
        LabelSelector s = new LabelSelector(
                Map.of("b", "2", "a", "1"),
                List.of(
                        new LabelSelector.Requirement("env", "NotIn", List.of("dev", "test")),
                        new LabelSelector.Requirement("team", "Exists", List.of()),
                        new LabelSelector.Requirement("legacy", "DoesNotExist", List.of())));

        assertThat(s).hasToString("a=1, b=2, env notin (dev,test), team, !legacy");
        assertThat(LabelSelector.EVERYTHING).hasToString("(everything)");
    }
}
