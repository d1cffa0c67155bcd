package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeCrdNeedsSsaTest {

    /** A CRD whose compact JSON is over 262,144 bytes, like kserve's inferenceservices. */
    static String largeCrd(String annotations) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: inferenceservices.serving.kserve.io
                %s
                spec:
                  group: serving.kserve.io
                  names: {kind: InferenceService, plural: inferenceservices}
                  scope: Namespaced
                  versions:
                    - name: v1beta1
                      description: "%s"
                """.formatted(annotations, "x".repeat(270_000));
    }

    @TempDir
    Path repo;

    @Test
    void aLargeCrdAppliedClientSideIsAnError() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("kserve", 3, "apps/kserve", "kubeflow")
                .component("apps/kserve", largeCrd(""));

        assertThat(t.findings(new LargeCrdNeedsSsa())).singleElement().satisfies(x -> {
            assertThat(x.message())
                    .contains("1 CRD over 262144 bytes would be applied client-side: "
                            + "inferenceservices.serving.kserve.io (270");
            assertThat(x.resource())
                    .isEqualTo("customresourcedefinition.apiextensions.k8s.io/inferenceservices.serving.kserve.io");
        });
    }

    @Test
    void serverSideApplyOnTheAppOrReplaceOnTheCrdPasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("kserve", 3, "apps/kserve", "kubeflow", "ServerSideApply=true")
                .component("apps/kserve", largeCrd(""))
                .app("kserve-b", 3, "apps/kserve-b", "kubeflow")
                .component(
                        "apps/kserve-b", largeCrd("  annotations:\n    argocd.argoproj.io/sync-options: Replace=true"));

        assertThat(t.findings(new LargeCrdNeedsSsa())).isEmpty();
    }
}
