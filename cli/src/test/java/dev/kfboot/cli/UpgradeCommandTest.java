package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.model.Json;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendering;
import dev.kfboot.testing.Kustomize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfboot upgrade} over two small manifests trees rendered with real kustomize. */
class UpgradeCommandTest {

    @TempDir
    Path dir;

    private static final String EXAMPLE = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - ../applications/ctl/base
            """;

    private static String deployment(String labels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ctl-manager, namespace: kubeflow}
                spec:
                  selector: {matchLabels: {%s}}
                  template: {metadata: {labels: {%s}}, spec: {containers: [{name: c, image: "example.org/ctl:v1"}]}}
                """.formatted(labels, labels);
    }

    private Path release(String name, String objects) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("example"));
        Files.writeString(root.resolve("example/kustomization.yaml"), EXAMPLE);
        Path base = Files.createDirectories(root.resolve("applications/ctl/base"));
        Files.writeString(base.resolve("objects.yaml"), objects);
        Files.writeString(base.resolve("kustomization.yaml"), "resources: [objects.yaml]\n");
        return root;
    }

    @Test
    void aSelectorChangeIsHandledBySyncOptionsAndExitsZero() throws IOException {
        Kustomize.required();
        Path a = release("1.0", deployment("app: ctl"));
        Path b = release("1.1", deployment("app: ctl, tier: control"));

        CliRun r = CliRun.of(
                "upgrade", "--from-upstream", a.toString(), "--to-upstream", b.toString(), "--no-cache", "-q");

        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out())
                .startsWith("upgrade 1.0 -> 1.1")
                .contains("ctl (wave 0)")
                .contains("warning: [immutable-field] -n kubeflow deployment.apps/ctl-manager: spec.selector changes")
                .contains("fix: Force=true,Replace=true on this object");
    }

    @Test
    void aClaimThatGoesAwayNeedsADecisionAndJsonCarriesIt() throws IOException {
        Kustomize.required();
        String pvc = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: store, namespace: kubeflow}\n"
                + "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n---\n";
        Path a = release("1.0", pvc + deployment("app: ctl"));
        Path b = release("1.1", deployment("app: ctl"));

        CliRun r = CliRun.of(
                "upgrade",
                "--releases",
                dir.toString(),
                "--from",
                "1.0",
                "--to",
                "1.1",
                "--no-cache",
                "-q",
                "-o",
                "json");

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("needsDecision").asBoolean()).isTrue();
        JsonNode c = json.get("changes").get(0);
        assertThat(c.get("type").asText()).isEqualTo("removed");
        assertThat(c.get("resource").asText()).isEqualTo("-n kubeflow persistentvolumeclaim/store");
        assertThat(c.get("syncOptions").asText()).isEqualTo("Prune=false,Delete=false");
        assertThat(json.get("kept").get(0).get("app").asText()).isEqualTo("ctl");
        assertThat(Files.exists(a.resolve("example/kustomization.yaml"))).isTrue();
    }

    @Test
    void jsonAndYamlMatchTheGoldens() throws IOException {
        Kustomize.required();
        String pvc = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: store, namespace: kubeflow}\n"
                + "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n---\n";
        Path a = release("1.0", pvc + deployment("app: ctl"));
        Path b = release("1.1", deployment("app: ctl, tier: control"));

        OutputGoldens.assertMatch(
                "upgrade",
                dir,
                1,
                "upgrade",
                "--from-upstream",
                a.toString(),
                "--to-upstream",
                b.toString(),
                "--no-cache",
                "-q");
        // --out: the plan and the tree written; json writes it, yaml finds it written
        OutputGoldens.assertMatch(
                "upgrade-out",
                dir,
                1,
                "upgrade",
                "--from-upstream",
                a.toString(),
                "--to-upstream",
                b.toString(),
                "--no-cache",
                "-q",
                "--out",
                b.resolve("argocd").toString(),
                "--path-in-repo",
                "argocd");
        OutputGoldens.assertMatch(
                "generate-upgrade-from",
                dir,
                0,
                "generate",
                "-q",
                "--out",
                dir.resolve("gitops").toString(),
                "--path-in-repo",
                "argocd",
                "--upstream",
                b.toString(),
                "--upgrade-from",
                a.toString(),
                "--cache-dir",
                dir.resolve("cache").toString());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path a = release("1.0", deployment("app: ctl"));

        CliRun missing = CliRun.of(
                "upgrade",
                "--from-upstream",
                a.toString(),
                "--to-upstream",
                dir.resolve("nope").toString());
        CliRun none = CliRun.of("upgrade", "--from-upstream", a.toString());
        CliRun notATree =
                CliRun.of("upgrade", "--from-upstream", a.toString(), "--to-upstream", dir.toString(), "--no-cache");

        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope: release tree not found").doesNotContain("Exception");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no target release").contains("--to-upstream");
        assertThat(notATree.code()).isEqualTo(2);
        assertThat(notATree.err())
                .contains("example/kustomization.yaml: not found")
                .doesNotContain("rendered ");
    }

    @Test
    void outWritesTheTargetTreeWithTheReplaceOptionOnThatObjectAndExplainsIt() throws IOException {
        Kustomize.required();
        Path a = release("1.0", deployment("app: ctl"));
        Path b = release("1.1", deployment("app: ctl, tier: control"));
        Path out = b.resolve("argocd");

        CliRun r = CliRun.of(
                "upgrade",
                "--from-upstream",
                a.toString(),
                "--to-upstream",
                b.toString(),
                "--no-cache",
                "-q",
                "--out",
                out.toString(),
                "--path-in-repo",
                "argocd");

        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out())
                .contains("Sync options added for the upgrade")
                .contains("  ctl: -n kubeflow deployment.apps/ctl-manager: Force=true,Replace=true");
        String overlay = Files.readString(out.resolve("overlays/ctl/kustomization.yaml"));
        assertThat(overlay)
                .contains("      kind: Deployment\n      name: ctl-manager\n      namespace: kubeflow\n")
                .contains("argocd.argoproj.io/sync-options: Force=true,Replace=true");
        assertThat(Files.readString(out.resolve("apps/ctl.yaml"))).contains("path: argocd/overlays/ctl");
        assertThat(Files.readString(out.resolve("README.md")))
                .contains("## Upgrade from 1.0 to 1.1")
                .contains("| ctl | `-n kubeflow deployment.apps/ctl-manager` | `Force=true,Replace=true` |");
        // the overlay renders the annotation onto the object itself
        var rendered = Rendering.run(
                        List.of(RenderUnit.of("ctl", b, "argocd/overlays/ctl")), RenderOptions.defaults(null), x -> {})
                .rendered()
                .get(0);
        assertThat(rendered.documents())
                .singleElement()
                .satisfies(d -> assertThat(
                                String.valueOf(((Map<?, ?>) ((Map<?, ?>) d.get("metadata")).get("annotations"))
                                        .get("argocd.argoproj.io/sync-options")))
                        .isEqualTo("Force=true,Replace=true"));
    }

    @Test
    void fromTreeAndFromUpstreamTogetherAreRefused() throws IOException {
        Path a = release("1.0", deployment("app: ctl"));
        CliRun r = CliRun.of(
                "upgrade",
                "--from-tree",
                dir.toString(),
                "--from-upstream",
                a.toString(),
                "--to-upstream",
                a.toString(),
                "-q");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--from-tree and --from-upstream both given");
    }

    @Test
    void generateUpgradeFromNeedsTheTargetUpstream() throws IOException {
        Path a = release("1.0", deployment("app: ctl"));
        CliRun r = CliRun.of(
                "generate",
                "--upgrade-from",
                a.toString(),
                "--out",
                dir.resolve("tree").toString(),
                "-q");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--upgrade-from needs --upstream DIR");
        assertThat(dir.resolve("tree")).doesNotExist();
    }
}
