package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.inventory.Collected;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.model.Fields;
import dev.kfboot.model.Json;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' migration at full size: Kubeflow 26.03 installed by hand from upstream's {@code example/} (rendered
 * with real kustomize and created object by object in the mock API server, CRDs first), then {@code kfboot adopt}
 * over the tree {@code kfboot generate} writes for the default platform. Skipped with a reason without the shared
 * upstream data or kustomize.
 */
class AdoptWholeKubeflowIT {

    @TempDir
    Path dir;

    @Test
    void theGeneratedTreeAdoptsAHandInstalledKubeflow() throws Exception {
        Kustomize.required();
        Path fork = UpstreamFork.copy("26.03", dir.resolve("manifests"));
        Path tree = fork.resolve("argocd");
        CliRun generate =
                CliRun.of("generate", "--layout", "fork", "--out", tree.toString(), "--path-in-repo", "argocd", "-q");
        assertThat(generate.code()).as(generate.err()).isZero();
        Rendered example = Rendering.run(
                        List.of(RenderUnit.of("example", fork, "example")),
                        RenderOptions.defaults(UpstreamData.remoteCache()),
                        r -> {})
                .rendered()
                .get(0);
        assertThat(example.ok()).as(String.valueOf(example.failure())).isTrue();

        try (MockCluster mock = MockCluster.start()) {
            install(mock, example);
            mock.create("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: team-notes, namespace: "
                    + "kubeflow}\ndata: {a: b}\n");
            mock.client()
                    .apps()
                    .deployments()
                    .inNamespace("kubeflow")
                    .withName("ml-pipeline-ui")
                    .edit(d -> {
                        d.getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .setImage("registry.local/ml-pipeline-frontend:patched");
                        d.getSpec().setReplicas(3); // not set by the source: no difference, as in Argo CD
                        return d;
                    });
            CliRun r = CliRun.of(
                    "adopt",
                    tree.toString(),
                    "--repo-root",
                    fork.toString(),
                    "--repo-url",
                    GeneratedTreeValidatesIT.FORK_URL,
                    "--cache-dir",
                    UpstreamData.renderCache().toString(),
                    "-q",
                    "-o",
                    "json",
                    "--remote-cache",
                    UpstreamData.remoteCache().toString(),
                    "--kubeconfig",
                    mock.kubeconfig(dir, MockCluster.TOKEN).toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            JsonNode json = Json.mapper().readTree(r.out());
            assertThat(json.get("summary").toString())
                    .isEqualTo("{\"apps\":27,\"adopted\":673,\"changed\":2,"
                            + "\"missing\":0,\"otherOwner\":0,\"unmanaged\":1}");
            List<String> changed = new ArrayList<>();
            json.get("apps")
                    .forEach(a -> a.get("changed")
                            .forEach(c -> changed.add(
                                    a.get("app").asText() + " " + c.get("id").asText())));
            // the hand edit, and one real difference: upstream's example/ renders every component in one kustomization,
            // whose vars fill the JobSet CRD's cert-manager placeholder with pvcviewer's certificate; trainer alone
            // does not
            assertThat(changed)
                    .containsExactly(
                            "kubeflow-pipelines -n kubeflow deployment.apps/ml-pipeline-ui",
                            "kubeflow-trainer customresourcedefinition.apiextensions.k8s.io/jobsets.jobset.x-k8s.io");
            assertThat(json.get("unmanaged").get(0).get("id").asText()).isEqualTo("-n kubeflow configmap/team-notes");
            assertThat(r.noStackTrace()).isTrue();
            assertThat(mock.requests()).isNotEmpty().allMatch(q -> q.startsWith("GET "));
        }
    }

    /**
     * `kubectl apply -k example`, as the upstream README says, in two passes: CRDs, then everything else; placed as
     * the API server places them (a cluster-scoped object loses the namespace kustomize gave it).
     */
    @SuppressWarnings("unchecked")
    private static void install(MockCluster mock, Rendered example) {
        KubernetesSerialization json = new KubernetesSerialization();
        Inventory inventory =
                Inventory.of(Collected.from(List.of(example), true).objects(), Map.of("example", "kubeflow"));
        for (boolean crds : new boolean[] {true, false}) {
            for (Inventory.Entry e : inventory.entries()) {
                if (e.object().isCrd() != crds) continue;
                Map<String, Object> body = new LinkedHashMap<>(e.object().body());
                Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) body.get("metadata"));
                if (e.namespace() == null) meta.remove("namespace");
                else meta.put("namespace", e.namespace());
                body.put("metadata", meta);
                if (body.remove("stringData") instanceof Map<?, ?> plain) { // the API server keeps it as data
                    Map<String, Object> data = new LinkedHashMap<>(
                            body.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
                    plain.forEach((k, v) -> data.put(
                            String.valueOf(k),
                            Base64.getEncoder().encodeToString(String.valueOf(v).getBytes())));
                    body.put("data", data);
                }
                GenericKubernetesResource r = json.convertValue(body, GenericKubernetesResource.class);
                if (KindTable.isBuiltin(e.object().groupKind())) {
                    mock.client().resource(r).create();
                    continue;
                }
                Map<String, Object> crd = inventory
                        .crdsDefining(e.object().groupKind())
                        .get(0)
                        .object()
                        .body();
                var context = new ResourceDefinitionContext.Builder()
                        .withGroup(e.object().id().group())
                        .withVersion(e.object()
                                .apiVersion()
                                .substring(e.object().apiVersion().indexOf('/') + 1))
                        .withKind(e.object().id().kind())
                        .withPlural(Fields.string(crd, "spec", "names", "plural"))
                        .withNamespaced(e.namespace() != null)
                        .build();
                var ops = mock.client().genericKubernetesResources(context);
                (e.namespace() == null
                                ? ops.resource(r)
                                : ops.inNamespace(e.namespace()).resource(r))
                        .create();
            }
        }
    }
}
