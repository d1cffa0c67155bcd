package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade --from-tree}: starting from the GitOps tree generate wrote for 26.03 (read as validate reads it, each
 * child named by its component label) plans the same object changes to 26.03.1 as starting from the 26.03 release.
 */
class UpgradeFromTreeIT {

    @TempDir
    Path fork;

    private static Set<String> objectChanges(CliRun run) throws Exception {
        assertThat(run.out()).as(run.err()).startsWith("{");
        Set<String> out = new TreeSet<>();
        for (JsonNode c : Json.mapper().readTree(run.out()).get("changes")) {
            if (c.get("type").asText().equals("ordering")) continue;
            out.add(c.get("type").asText() + " " + c.get("app").asText() + " "
                    + c.get("resource").asText() + " -> " + c.get("newResource").asText() + " "
                    + c.get("field").asText() + " " + c.get("syncOptions").asText());
        }
        return out;
    }

    @Test
    void aGeneratedTreeOf2603PlansTheSameObjectChangesAsTheRelease() throws Exception {
        Kustomize.required();
        String to = UpstreamData.release("26.03.1").toString();
        String cache = UpstreamData.renderCache().toString();
        String remote = UpstreamData.remoteCache().toString();
        UpstreamFork.copy("26.03", fork);
        Path tree = fork.resolve("argocd");
        CliRun generate =
                CliRun.of("generate", "--layout", "fork", "--out", tree.toString(), "--path-in-repo", "argocd", "-q");
        assertThat(generate.code()).as(generate.err()).isZero();

        CliRun fromTree = CliRun.of(
                "upgrade",
                "--from-tree",
                tree.toString(),
                "--repo-root",
                fork.toString(),
                "--repo-url",
                GeneratedTreeValidatesIT.FORK_URL,
                "--to-upstream",
                to,
                "--remote-cache",
                remote,
                "--cache-dir",
                cache,
                "--render-memory",
                "4g",
                "-q",
                "-o",
                "json");
        CliRun fromRelease = CliRun.of(
                "upgrade",
                "--from-upstream",
                UpstreamData.release("26.03").toString(),
                "--to-upstream",
                to,
                "--remote-cache",
                remote,
                "--cache-dir",
                cache,
                "--render-memory",
                "4g",
                "-q",
                "-o",
                "json");

        assertThat(fromTree.code()).as(fromTree.err()).isEqualTo(fromRelease.code());
        Set<String> viaTree = objectChanges(fromTree);
        assertThat(viaTree)
                .contains("immutable-field trainer -n kubeflow-system deployment.apps/jobset-controller-manager"
                        + " -> null spec.selector Force=true,Replace=true");
        assertThat(viaTree).isEqualTo(objectChanges(fromRelease));
    }
}
