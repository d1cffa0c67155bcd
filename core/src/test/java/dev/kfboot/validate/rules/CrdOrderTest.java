package dev.kfboot.validate.rules;

import static dev.kfboot.validate.rules.OrderingFixtures.CERT_MANAGER;
import static dev.kfboot.validate.rules.OrderingFixtures.KATIB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrdOrderTest {

    @TempDir
    Path repo;

    private TreeFixture tree(int certManagerWave, int katibWave) {
        return new TreeFixture(repo)
                .root()
                .app("cert-manager", certManagerWave, "apps/cert-manager", "cert-manager")
                .component("apps/cert-manager", CERT_MANAGER)
                .app("katib", katibWave, "apps/katib", "kubeflow")
                .component("apps/katib", KATIB);
    }

    @Test
    void aCustomResourceInTheSameWaveAsItsCrdIsAnError() {
        List<Finding> f = tree(1, 1).findings(new CrdOrder());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.app()).isEqualTo("katib");
            assertThat(x.message())
                    .contains("creates Certificate.cert-manager.io objects, whose CRD comes from cert-manager")
                    .contains("both sync in wave 1 of root");
            assertThat(x.resource()).isEqualTo("-n kubeflow certificate.cert-manager.io/katib-webhook-cert");
            assertThat(x.location().toString()).isEqualTo("tree/apps/katib.yaml:7");
        });
    }

    @Test
    void anEarlierWaveForTheDependentIsAnError() {
        assertThat(tree(2, 1).findings(new CrdOrder()))
                .singleElement()
                .satisfies(x ->
                        assertThat(x.message()).contains("it syncs in wave 1 of root, before cert-manager (wave 2)"));
    }

    @Test
    void appsNoAppOfAppsOrdersAreUnordered() {
        TreeFixture t = tree(0, 1);
        t.file("tree/root.yaml", "# no app of apps: the Applications are applied by hand\n");

        assertThat(t.findings(new CrdOrder()))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("nothing in the tree orders it after cert-manager"));
    }

    @Test
    void theCrdInAnEarlierWavePasses() {
        assertThat(tree(0, 1).findings(new CrdOrder())).isEmpty();
    }
}
