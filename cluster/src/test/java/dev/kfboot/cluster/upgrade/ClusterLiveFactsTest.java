package dev.kfboot.cluster.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.model.Severity;
import dev.kfboot.upgrade.Change;
import dev.kfboot.upgrade.Release;
import dev.kfboot.upgrade.UpgradePlan;
import dev.kfboot.upgrade.UpgradeText;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatusBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade --live} on the mock API server: the real storedVersions and custom resources, read without a write.
 */
class ClusterLiveFactsTest {

    @TempDir
    Path dir;

    private MockCluster mock;
    private Cluster cluster;

    private static String crd(String plural, String kind, String... versions) {
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < versions.length; i++) {
            v.append("    - {name: ")
                    .append(versions[i])
                    .append(", served: true, storage: ")
                    .append(i == versions.length - 1)
                    .append("}\n");
        }
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: %s.example.org}
                spec:
                  group: example.org
                  scope: Namespaced
                  names: {kind: %s, plural: %s}
                  versions:
                %s""".formatted(plural, kind, plural, v);
    }

    private static final String APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ctl, namespace: kubeflow}
            spec: {selector: {matchLabels: {app: ctl}}, template: {metadata: {labels: {app: ctl}}, spec: {containers: \
            [{name: c, image: c}]}}}
            """;

    @BeforeEach
    void seed() {
        mock = MockCluster.start();
        mock.createCrd("example.org", "Gadget", "gadgets", "v1", true);
        mock.createCrd("example.org", "Widget", "widgets", "v1", true);
        CustomResourceDefinition widgets = mock.client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("widgets.example.org")
                .get();
        widgets.setStatus(new CustomResourceDefinitionStatusBuilder()
                .withStoredVersions("v1beta1", "v1")
                .build());
        mock.client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(widgets)
                .updateStatus();
        mock.create(
                "{\"apiVersion\":\"example.org/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"g1\",\"namespace\":"
                        + "\"team-a\"}}");
        mock.create(
                "{\"apiVersion\":\"example.org/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"g2\",\"namespace\":"
                        + "\"team-b\"}}");
        cluster = mock.connect(dir);
    }

    @AfterEach
    void stop() {
        cluster.close();
        mock.close();
    }

    @Test
    void readsStoredVersionsAndTheCustomResourcesOfARemovedCrdWithoutWriting() {
        Release from = Release.named("a")
                .app(
                        "x",
                        crd("widgets", "Widget", "v1beta1", "v1") + "---\n" + crd("gadgets", "Gadget", "v1") + "---\n"
                                + APP);
        Release to = Release.named("b").app("x", crd("widgets", "Widget", "v1") + "---\n" + APP);

        UpgradePlan plan = Release.upgrade(from, to, new ClusterLiveFacts(cluster));

        Change version = plan.of(Change.Type.CRD_VERSION).get(0);
        assertThat(version.severity()).isEqualTo(Severity.ERROR);
        assertThat(version.message()).contains("read live: [v1beta1, v1]");
        Change gadgets = plan.of(Change.Type.REMOVED).get(0);
        assertThat(gadgets.severity()).isEqualTo(Severity.ERROR);
        assertThat(gadgets.message())
                .contains(
                        "the cluster has 2 Gadgets (-n team-a gadget.example.org/g1, -n team-b gadget.example.org/g2)");
        assertThat(plan.live()).startsWith("cluster ");
        assertThat(UpgradeText.write(plan)).contains("live facts from cluster");
        // reads only: every request the code under test made is a GET
        assertThat(mock.requests()).isNotEmpty().allMatch(r -> r.startsWith("GET "));
    }

    @Test
    void aDroppedVersionTheClusterDoesNotStoreAndARemovedCrdWithoutObjectsNeedNoDecision() {
        Release from = Release.named("a")
                .app(
                        "x",
                        crd("gadgets", "Gadget", "v1alpha1", "v1") + "---\n" + crd("things", "Thing", "v1") + "---\n"
                                + APP);
        Release to = Release.named("b").app("x", crd("gadgets", "Gadget", "v1") + "---\n" + APP);

        UpgradePlan plan = Release.upgrade(from, to, new ClusterLiveFacts(cluster));

        assertThat(plan.of(Change.Type.CRD_VERSION))
                .extracting(Change::severity)
                .containsExactly(Severity.INFO);
        assertThat(plan.of(Change.Type.REMOVED)).extracting(Change::severity).containsExactly(Severity.WARNING);
        assertThat(plan.needsDecision()).isFalse();
        assertThat(mock.requests()).allMatch(r -> r.startsWith("GET "));
        assertThat(List.of(plan.kept().get(0).id().name())).containsExactly("things.example.org");
    }
}
