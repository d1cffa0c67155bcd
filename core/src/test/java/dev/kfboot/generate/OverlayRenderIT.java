package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Json;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fork layout's overlays, rendered with real kustomize inside a copy of the 26.03 checkout's layout: every
 * CRD and Namespace comes out protected, and exactly the CRDs over the last-applied limit get server-side
 * apply. (Apps with remote bases, pipelines and trainer, need the network and are left out.)
 */
class OverlayRenderIT {

    @Test
    void overlaysAnnotateWhatTheyMustOnTheRealManifests() throws Exception {
        KustomizeTool kustomize = Kustomize.required();
        Path checkout = checkout(Trees.defaultFork());
        int crds = 0;
        int large = 0;
        for (String app : List.of(
                "cert-manager",
                "istio-crds",
                "kubeflow-namespace",
                "profiles",
                "kserve",
                "spark-operator",
                "knative-serving")) {
            for (Map<String, Object> doc : ArgoSchemaIT.render(kustomize, checkout.resolve("argocd/overlays/" + app))) {
                String kind = String.valueOf(doc.get("kind"));
                if (!kind.equals("CustomResourceDefinition") && !kind.equals("Namespace")) continue;
                Map<?, ?> meta = (Map<?, ?>) doc.get("metadata");
                Map<?, ?> annotations = (Map<?, ?>) meta.get("annotations");
                String options = annotations == null ? "" : String.valueOf(annotations.get(ArgoCd.SYNC_OPTIONS));
                assertThat(options)
                        .as(app + " " + kind + " " + meta.get("name"))
                        .startsWith("Prune=false,Delete=false");
                if (kind.equals("CustomResourceDefinition")) {
                    crds++;
                    // sized as the inventory sizes it: compact JSON, without the annotation kfboot added
                    annotations.remove(ArgoCd.SYNC_OPTIONS);
                    if (annotations.isEmpty()) meta.remove("annotations");
                    boolean over = Json.mapper().writeValueAsBytes(doc).length > ArgoCd.LAST_APPLIED_LIMIT;
                    assertThat(options.contains(ArgoCd.SERVER_SIDE_APPLY))
                            .as(String.valueOf(meta.get("name")))
                            .isEqualTo(over);
                    if (over) large++;
                }
            }
        }
        assertThat(crds).isGreaterThan(40);
        assertThat(large).isEqualTo(5);
    }

    @Test
    void ambientOverlaysLeaveEachNamespaceToOneApp() throws Exception {
        KustomizeTool kustomize = Kustomize.required();
        Path checkout = checkout(Trees.fork(GatewayExposureTest.spec("beside", "kgateway")));
        Map<String, List<String>> namespaces = new TreeMap<>();
        for (String app : List.of("istio-namespace", "kubeflow-namespace", "istio-install")) {
            for (Map<String, Object> doc : ArgoSchemaIT.render(kustomize, checkout.resolve("argocd/overlays/" + app))) {
                if (!"Namespace".equals(doc.get("kind"))) continue;
                namespaces
                        .computeIfAbsent(app, k -> new ArrayList<>())
                        .add(String.valueOf(((Map<?, ?>) doc.get("metadata")).get("name")));
            }
        }
        assertThat(namespaces)
                .doesNotContainKey("istio-namespace")
                .containsEntry("kubeflow-namespace", List.of("kubeflow-system"))
                .containsEntry("istio-install", List.of("istio-system", "kubeflow"));
    }

    /** A temporary fork checkout: the 26.03 tree's directories, and the generated tree at argocd/. */
    private static Path checkout(GeneratedTree tree) throws IOException {
        Path upstream = UpstreamData.release("26.03");
        Path checkout = Files.createTempDirectory("kfboot-fork");
        Files.createSymbolicLink(checkout.resolve("applications"), upstream.resolve("applications"));
        Files.createSymbolicLink(checkout.resolve("common"), upstream.resolve("common"));
        for (Map.Entry<String, String> e : tree.files().entrySet()) {
            Path f = checkout.resolve("argocd").resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return checkout;
    }
}
