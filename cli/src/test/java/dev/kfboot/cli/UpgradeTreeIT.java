package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Json;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import dev.kfboot.validate.ValidateOptions;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's "done when": the tree {@code kfboot upgrade --out} writes for 26.03 -> 26.03.1 (fork layout, inside a copy
 * of the 26.03.1 manifests) validates with 0 errors, and what its apps render carries the upgrade's sync options on
 * exactly the objects the plan names; {@code generate --upgrade-from} writes the same tree.
 */
class UpgradeTreeIT {

    @TempDir
    Path fork;

    @Test
    void theUpgradeTreeValidatesAndItsRenderedObjectsCarryThePlansOptions() throws Exception {
        Kustomize.required();
        Path from = UpstreamData.release("26.03");
        Path to = UpstreamData.release("26.03.1");
        UpstreamFork.copy("26.03.1", fork);
        Path out = fork.resolve("argocd");
        String cache = UpstreamData.renderCache().toString();
        String remote = UpstreamData.remoteCache().toString();
        // kserve's overlay renders cold here; on this shared machine kubectl kustomize sometimes exceeds the default
        // 2g address-space cap on it (plain generate --upstream of a 26.03.1 copy too), so the cap is raised
        String memory = "4g";

        CliRun upgrade = CliRun.of(
                "upgrade",
                "--from-upstream",
                from.toString(),
                "--to-upstream",
                to.toString(),
                "--remote-cache",
                remote,
                "--cache-dir",
                cache,
                "-q",
                "--out",
                out.toString(),
                "--path-in-repo",
                "argocd",
                "-o",
                "json",
                "--render-memory",
                memory);
        // the old inference-extension CRD needs a decision: the tree is written all the same, and says so
        assertThat(upgrade.code()).as(upgrade.err()).isEqualTo(1);
        assertThat(upgrade.out()).as(upgrade.err()).startsWith("{");
        JsonNode json = Json.mapper().readTree(upgrade.out());
        assertThat(json.get("needsDecision").asBoolean()).isTrue();
        Map<String, String> edits = new TreeMap<>();
        for (JsonNode e : json.get("tree").get("upgradeEdits"))
            edits.put(e.get("resource").asText(), e.get("syncOptions").asText());
        assertThat(edits)
                .containsEntry(
                        "-n kubeflow-system deployment.apps/jobset-controller-manager", "Force=true,Replace=true")
                .containsEntry(
                        "clusterrolebinding.rbac.authorization.k8s.io/llmisvc-manager-rolebinding",
                        "Force=true,Replace=true")
                .containsEntry(
                        "customresourcedefinition.apiextensions.k8s.io/profiles.kubeflow.org",
                        "Prune=false,Delete=false");
        String repoUrl = json.get("tree").get("repoURL").asText();

        CliRun validate = CliRun.of(
                "validate",
                out.toString(),
                "--repo-root",
                fork.toString(),
                "--cache-dir",
                cache,
                "-q",
                "--repo-url",
                repoUrl,
                "--remote-cache",
                remote,
                "--render-memory",
                memory);
        assertThat(validate.out()).doesNotContain(": error: ");
        assertThat(validate.code()).as(validate.out()).isZero();

        // what Argo CD would apply: each app's render, read as validate reads it
        Validation v = new Validator(r -> {})
                .validate(new ValidateRequest(
                                out,
                                fork,
                                Map.of(),
                                RenderOptions.defaults(UpstreamData.remoteCache())
                                        .withLimits(
                                                RenderOptions.DEFAULT_TIMEOUT,
                                                4L << 30,
                                                RenderOptions.DEFAULT_DEADLINE),
                                UpstreamData.renderCache(),
                                null)
                        .withOptions(new ValidateOptions(repoUrl, null, List.of(), null, Set.of(), Set.of())));
        Map<String, String> replaced = new TreeMap<>();
        for (Inventory.Entry e : v.context().inventory().entries()) {
            String options = e.object().annotation(ArgoCd.SYNC_OPTIONS);
            if (options != null && options.contains(ArgoCd.REPLACE)) {
                replaced.put(e.object().id().withNamespace(e.namespace()).toString(), options);
            }
        }
        Map<String, String> planned = new TreeMap<>();
        edits.forEach((id, o) -> {
            if (o.contains(ArgoCd.REPLACE)) planned.put(id, o);
        });
        assertThat(planned).isNotEmpty();
        assertThat(replaced).isEqualTo(planned);
        assertThat(v.context().inventory().entries())
                .filteredOn(e -> e.object().id().name().equals("inferencemodels.inference.networking.x-k8s.io"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.object().annotation(ArgoCd.SYNC_OPTIONS)).isEqualTo("Prune=false,Delete=false"));

        // generate --upgrade-from writes the same tree: nothing to change in it
        CliRun generate = CliRun.of(
                "generate",
                "--upstream",
                to.toString(),
                "--upgrade-from",
                "26.03",
                "--remote-cache",
                remote,
                "--cache-dir",
                cache,
                "-q",
                "--out",
                out.toString(),
                "--path-in-repo",
                "argocd",
                "--diff",
                "--render-memory",
                memory);
        assertThat(generate.out()).isEmpty();
        assertThat(generate.code()).as(generate.err()).isZero();
    }
}
