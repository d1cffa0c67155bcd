package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingSyncWaveTest {

    @TempDir
    Path repo;

    @Test
    void aChildWithoutAWaveOrWithANonNumericOneIsAWarning() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("cert-manager", 0, "apps/a", "cert-manager")
                .component("apps/a", "")
                .app("katib", null, "apps/b", "kubeflow")
                .component("apps/b", "")
                .file(
                        "tree/apps/kserve.yaml",
                        TreeFixture.application("kserve", 3, "apps/b", "kubeflow", new String[0], "")
                                .replace("\"3\"", "\"three\""));

        List<Finding> f = t.findings(new MissingSyncWave());

        assertThat(f).extracting(Finding::app).containsExactly("katib", "kserve");
        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING);
        assertThat(f.get(0).message()).contains("syncs in wave 0 with every other unannotated child of root");
        assertThat(f.get(1).message()).contains("'three' is not an integer");
    }

    @Test
    void childrenWithWavesPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("cert-manager", 0, "apps/a", "cert-manager")
                .component("apps/a", "")
                .app("katib", 2, "apps/b", "kubeflow")
                .component("apps/b", "");

        assertThat(t.findings(new MissingSyncWave())).isEmpty();
    }
}
