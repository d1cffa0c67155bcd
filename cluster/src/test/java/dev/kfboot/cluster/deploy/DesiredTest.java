package dev.kfboot.cluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.testing.Trees;
import dev.kfboot.validate.TreeApp;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a live Application already is the tree's: values compare by value, whatever type each reader gives. */
class DesiredTest {

    static final KubernetesSerialization JSON = new KubernetesSerialization();

    @TempDir
    Path dir;

    @Test
    void numbersFromTheTreesYamlEqualTheServersWhateverTheirType() {
        TreeApp katib = katib();
        Map<String, Object> held = HeldSync.held(katib);
        // the YAML reader reads whole numbers as Long; the API server's JSON comes back as Integer
        assertThat(Map.class.cast(held.get("spec")).toString()).contains("limit=5");
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) held.get("spec")).get("syncPolicy")).get("retry"))
                        .get("limit"))
                .isInstanceOf(Long.class);
        GenericKubernetesResource live = JSON.unmarshal(JSON.asJson(held), GenericKubernetesResource.class);

        assertThat(Desired.matches(live, held)).isTrue();
        assertThat(Desired.automatedMatches(live, Map.of("prune", true, "selfHeal", true)))
                .isFalse();
    }

    @Test
    void aDifferentNumberIsADifference() {
        Map<String, Object> held = HeldSync.held(katib());
        GenericKubernetesResource live = JSON.unmarshal(
                JSON.asJson(held).replace("\"limit\":5", "\"limit\":6"), GenericKubernetesResource.class);

        assertThat(Desired.matches(live, held)).isFalse();
    }

    @Test
    void plainValuesCompareNumbersByValueAndEverythingElseAsItIs() {
        assertThat(PlainValues.equal(Map.of("a", List.of(1, 2L)), Map.of("a", List.of(1L, 2))))
                .isTrue();
        assertThat(PlainValues.equal(1.0, 1L)).isTrue();
        assertThat(PlainValues.equal(Map.of("a", 1), Map.of("a", "1"))).isFalse();
        assertThat(PlainValues.equal(List.of(1), List.of(1, 1))).isFalse();
        assertThat(PlainValues.equal(Map.of("a", 1), Map.of("b", 1))).isFalse();
    }

    private TreeApp katib() {
        DeployTree tree = DeployTree.read(Trees.in(dir).app("katib", 1, true).dir(), "argocd");
        return tree.apps().get(0);
    }
}
