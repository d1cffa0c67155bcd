package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code generate --terraform}: the tree's apps as kubernetes_manifest resources (Terraform JSON) whose depends_on
 * follow the waves.
 */
class TerraformConfigTest {

    static final GeneratedTree TREE = Trees.defaultFork();
    static final GeneratedTree TF = TerraformConfig.of(TREE);

    static JsonNode parse(GeneratedTree tf, String file) throws Exception {
        return Json.mapper().readTree(tf.file(file));
    }

    @Test
    void matchesTheGolden() {
        Golden.assertMatches("terraform/default-fork.tf.json.txt", Trees.concat(TF));
    }

    @Test
    void writesOnlyTerraformJsonFiles() {
        assertThat(TF.files().keySet())
                .containsExactly("applications.tf.json", "argocd.tf.json", "provider.tf.json", "versions.tf.json");
    }

    @Test
    void everyAppIsItsTreeApplicationAndEachWaveDependsOnThePreviousOne() throws Exception {
        JsonNode manifests = parse(TF, TerraformConfig.APPS).path("resource").path("kubernetes_manifest");
        Map<String, Integer> wave = new TreeMap<>();
        for (ChildApp a : TREE.apps()) wave.put("kubernetes_manifest.app_" + a.id().replace('-', '_'), a.wave());
        assertThat(manifests.size()).isEqualTo(TREE.apps().size());
        TreeContext ctx = TreeContext.of(TREE.platform(), TREE.plan(), TREE.options());
        for (ChildApp a : TREE.apps()) {
            JsonNode r = manifests.path("app_" + a.id().replace('-', '_'));
            assertThat(r.path("//").asText())
                    .isEqualTo(a.id() + ": wave " + TREE.plan().waveOf(a.id()));
            assertThat(r.path("manifest")).isEqualTo(Json.mapper().valueToTree(a.document(ctx)));
            List<String> d = new ArrayList<>();
            r.path("depends_on").forEach(x -> d.add(x.asText()));
            if (a.wave() == 0) {
                assertThat(d)
                        .contains(
                                "kubernetes_config_map_v1_data.argocd_cm_application_health",
                                "kubernetes_manifest.project_kubeflow");
            } else {
                // exactly the apps of the wave right before: the chain orders every wave after all earlier ones
                assertThat(d)
                        .isNotEmpty()
                        .allSatisfy(x -> assertThat(wave.get(x)).isEqualTo(a.wave() - 1));
                assertThat(d).hasSize((int) TREE.apps().stream()
                        .filter(o -> o.wave() == a.wave() - 1)
                        .count());
            }
        }
    }

    @Test
    void automatedAppsWaitUntilSyncedAndHealthy() throws Exception {
        JsonNode manifests = parse(TF, TerraformConfig.APPS).path("resource").path("kubernetes_manifest");
        for (JsonNode r : manifests) {
            assertThat(r.path("wait").path("fields").path("status.sync.status").asText())
                    .isEqualTo("Synced");
            assertThat(r.path("wait")
                            .path("fields")
                            .path("status.health.status")
                            .asText())
                    .isEqualTo("Healthy");
            assertThat(r.path("timeouts").path("create").asText()).isEqualTo("${var.wave_timeout}");
        }
    }

    @Test
    void theHealthCheckIsMergedIntoArgocdCmAndTheProjectsAreManifests() throws Exception {
        JsonNode argocd = parse(TF, TerraformConfig.ARGOCD).path("resource");
        JsonNode cm = argocd.path("kubernetes_config_map_v1_data").path("argocd_cm_application_health");
        assertThat(cm.path("metadata").path("name").asText()).isEqualTo("argocd-cm");
        assertThat(cm.path("force").asBoolean()).isTrue();
        assertThat(cm.path("data").path(ArgoCd.APP_HEALTH_KEY).asText())
                .isEqualTo(TerraformConfig.escape(ArgoCd.APP_HEALTH_LUA));
        JsonNode project =
                argocd.path("kubernetes_manifest").path("project_kubeflow").path("manifest");
        assertThat(project.path("kind").asText()).isEqualTo("AppProject");
        JsonNode provider = parse(TF, TerraformConfig.PROVIDER);
        assertThat(provider.path("provider")
                        .path("kubernetes")
                        .path("config_path")
                        .asText())
                .isEqualTo("${var.kubeconfig}");
        assertThat(provider.path("variable")
                        .path("kube_context")
                        .path("default")
                        .isNull())
                .isTrue();
        assertThat(parse(TF, TerraformConfig.VERSIONS)
                        .path("terraform")
                        .path("required_providers")
                        .path("kubernetes")
                        .path("source")
                        .asText())
                .isEqualTo("hashicorp/kubernetes");
    }

    @Test
    void stringsAreLiteralsNotTemplates() {
        JsonNode escaped = TerraformConfig.literal(Json.mapper().valueToTree(Map.of("k ${x}", List.of("a ${b} %{c}"))));
        assertThat(escaped.toString()).isEqualTo("{\"k $${x}\":[\"a $${b} %%{c}\"]}");
    }

    @Test
    void manualAppsDoNotBlockTheApply() throws Exception {
        GeneratedTree tree = Trees.fork(Trees.spec("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  components:
                    - name: pipelines
                      sync: manual
                """));
        JsonNode pipelines = parse(TerraformConfig.of(tree), TerraformConfig.APPS)
                .path("resource")
                .path("kubernetes_manifest")
                .path("app_pipelines");
        assertThat(pipelines.isObject()).isTrue();
        assertThat(pipelines.has("wait")).isFalse();
        assertThat(pipelines.has("depends_on")).isTrue();
        assertThat(pipelines.path("//").asText()).contains("manual sync: Terraform creates it and goes on");
    }
}
