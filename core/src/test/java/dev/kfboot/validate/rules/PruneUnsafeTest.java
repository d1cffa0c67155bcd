package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneUnsafeTest {

    static final String PROFILES_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: profiles.kubeflow.org
            %s
            spec:
              group: kubeflow.org
              names: {kind: Profile, plural: profiles}
              scope: Cluster
            """;
    static final String AUTO_PRUNE = """
              syncPolicy:
                automated: {prune: true, selfHeal: true}
            """;

    @TempDir
    Path repo;

    @Test
    void autoPruningTheProfilesCrdIsAnErrorAndANamespaceAWarning() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .appWith("profiles", 1, "apps/profiles", "kubeflow", AUTO_PRUNE)
                .component("apps/profiles", PROFILES_CRD.formatted(""))
                .appWith("kubeflow-namespace", 0, "apps/ns", "kubeflow", AUTO_PRUNE)
                .component("apps/ns", OrderingFixtures.KUBEFLOW_NAMESPACE);

        var f = t.findings(new PruneUnsafe());

        assertThat(f)
                .extracting(x -> x.app() + " " + x.severity())
                .containsExactly("kubeflow-namespace WARNING", "profiles ERROR");
        assertThat(f.get(1).message())
                .contains("pruning the Profiles CRD deletes every Profile and with them every user's namespace");
        assertThat(f.get(1).resource())
                .isEqualTo("customresourcedefinition.apiextensions.k8s.io/profiles.kubeflow.org");
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void pruneFalseOnTheObjectOrTheAppOrNoAutoPrunePasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .appWith("profiles", 1, "apps/profiles", "kubeflow", AUTO_PRUNE)
                .component(
                        "apps/profiles",
                        PROFILES_CRD.formatted(
                                "  annotations:\n    argocd.argoproj.io/sync-options: Prune=false,Delete=false"))
                .appWith(
                        "kubeflow-namespace", 0, "apps/ns", "kubeflow", AUTO_PRUNE + "    syncOptions: [Prune=false]\n")
                .component("apps/ns", OrderingFixtures.KUBEFLOW_NAMESPACE)
                .app("manual", 0, "apps/manual", "kubeflow")
                .component("apps/manual", PROFILES_CRD.formatted("").replace("profiles.", "others."));

        assertThat(t.findings(new PruneUnsafe())).isEmpty();
    }
}
