package dev.kfboot.it;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.KubeflowTree;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.testing.UpstreamFork;
import dev.kfboot.validate.ValidateRequest;
import dev.kfboot.validate.Validation;
import dev.kfboot.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 26.03 default platform as a tree written the way issue 3 specifies generate's fork layout (see
 * {@link KubeflowTree}): validate must find no error in it, on the real manifests with real kustomize. The same
 * check on generate's own output is {@code GeneratedTreeValidatesIT} in the cli module, skipped until generate
 * is on the branch.
 */
class GenerateLikeTreeIT {

    @TempDir Path fork;

    @Test
    void aTreeWrittenTheWayGenerateWritesItHasNoErrors() {
        Kustomize.required();
        UpstreamFork.copy("26.03", fork);
        Path tree = KubeflowTree.write(fork, "26.03");

        Validation v = new Validator(r -> { }).validate(new ValidateRequest(tree, fork, Map.of(), // no git: the checkout is named
                RenderOptions.defaults(UpstreamData.remoteCache()), null, null));

        assertThat(v.apps()).isEqualTo(28);
        assertThat(v.objects()).isEqualTo(675);
        assertThat(v.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::toText)
                .collect(Collectors.joining("\n"))).isEmpty();
        // what stays is upstream's own choices: remote bases and default credentials in Secrets
        assertThat(v.findings()).extracting(Finding::rule).containsOnly("remote-base", "plaintext-secret");
    }
}
