package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.render.KustomizeTool;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Argo CD object kfboot emits validates against Argo CD v3.5.1's own CRD schemas. */
class ArgoSchemaIT {

    private static ArgoSchemas schemas;

    @BeforeAll
    static void load() throws IOException {
        schemas = new ArgoSchemas(UpstreamData.argoCd().resolve("manifests/crds"));
    }

    @Test
    void theStrictSchemaRefusesAMisspeltField() {
        Map<String, Object> app = Map.of(
                "apiVersion",
                "argoproj.io/v1alpha1",
                "kind",
                "Application",
                "metadata",
                Map.of("name", "x"),
                "spec",
                Map.of(
                        "project",
                        "p",
                        "destination",
                        Map.of("server", "s"),
                        "source",
                        Map.of("repoURL", "r", "pathh", "p")));
        assertThat(schemas.problems(app)).isNotEmpty().anyMatch(p -> p.contains("pathh"));
        Map<String, Object> wrongType = Map.of(
                "apiVersion",
                "argoproj.io/v1alpha1",
                "kind",
                "Application",
                "metadata",
                Map.of("name", "x"),
                "spec",
                Map.of(
                        "project",
                        "p",
                        "destination",
                        Map.of("server", "s"),
                        "syncPolicy",
                        Map.of("retry", Map.of("limit", "five"))));
        assertThat(schemas.problems(wrongType)).isNotEmpty();
    }

    @Test
    void defaultTreesValidateInBothLayouts() {
        assertValid(Trees.defaultFork());
        assertValid(Trees.standalone(Platform.defaults("26.03")));
    }

    /** An upgrade tree: the root app prunes last, overlays carry the plan's options (see UpgradeTreeTest). */
    @Test
    void anUpgradeTreeValidates() {
        GeneratedTree tree = UpgradeTreeTest.tree(UpgradeTreeTest.plan());
        assertThat(tree.upgradeEdits()).isNotEmpty();
        assertValid(tree);
    }

    @Test
    void extraAppsEnvironmentsAndFleetsValidate() throws Exception {
        GeneratedTree tree = Trees.fork(Trees.spec(ExtraAppsTreeTest.SPEC));
        assertValid(tree);
        assertValid(Trees.fleet(Trees.spec(ExtraAppsTreeTest.SPEC)));
        // environment overlays are kustomizations: render them as Argo CD would, then validate what comes out
        KustomizeTool kustomize = Kustomize.required();
        Path dir = Files.createTempDirectory("kfboot-env");
        tree.files().forEach((p, text) -> write(dir.resolve(p), text));
        for (String env : List.of("staging", "production")) {
            List<Map<String, Object>> rendered = render(kustomize, dir.resolve("envs/" + env));
            assertThat(rendered).hasSize(tree.apps().size());
            for (Map<String, Object> doc : rendered)
                assertThat(schemas.problems(doc)).as(env + " " + name(doc)).isEmpty();
        }
    }

    static List<Map<String, Object>> render(KustomizeTool kustomize, Path dir) throws Exception {
        Process p = new ProcessBuilder(kustomize.buildCommand(dir))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return RenderedYaml.parse(out);
    }

    private void assertValid(GeneratedTree tree) {
        List<String> checked = new ArrayList<>();
        for (var f : tree.files().entrySet()) {
            if (!f.getKey().endsWith(".yaml")
                    || f.getKey().startsWith("overlays/")
                    || f.getKey().startsWith("envs/") && f.getKey().endsWith("kustomization.yaml")) continue;
            for (Map<String, Object> doc : RenderedYaml.parse(f.getValue())) {
                if (!String.valueOf(doc.get("apiVersion")).startsWith("argoproj.io/")) continue;
                assertThat(schemas.problems(doc))
                        .as(f.getKey() + " " + name(doc))
                        .isEmpty();
                checked.add(String.valueOf(doc.get("kind")));
            }
        }
        assertThat(checked).contains("Application", "AppProject");
    }

    private static Object name(Map<String, Object> doc) {
        return doc.get("kind") + "/" + ((Map<?, ?>) doc.get("metadata")).get("name");
    }

    private static void write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
