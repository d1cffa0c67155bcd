package dev.kfboot.generate;

import dev.kfboot.testing.Golden;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate --terraform}: the tree's apps as kubernetes_manifest resources whose depends_on follow the waves. */
class TerraformConfigTest {

    static final GeneratedTree TREE = Trees.defaultFork();
    static final GeneratedTree TF = TerraformConfig.of(TREE);
    private static final Pattern RESOURCE = Pattern.compile(
            "(?s)# (\\S+): wave (\\d+)\\nresource \"kubernetes_manifest\" \"(\\w+)\" \\{.*?depends_on = \\[\\n(.*?)  ]\\n}");

    @Test
    void matchesTheGolden() {
        Golden.assertMatches("terraform/default-fork.tf.txt", Trees.concat(TF));
    }

    @Test
    void everyAppIsOneResourceAndEachWaveDependsOnThePreviousOne() {
        Map<String, Integer> wave = new TreeMap<>();
        Map<String, List<String>> deps = new TreeMap<>();
        Matcher m = RESOURCE.matcher(TF.file(TerraformConfig.APPS));
        while (m.find()) {
            wave.put("kubernetes_manifest." + m.group(3), Integer.parseInt(m.group(2)));
            List<String> d = new ArrayList<>();
            for (String line : m.group(4).split("\n")) if (!line.isBlank()) d.add(line.trim().replace(",", ""));
            deps.put("kubernetes_manifest." + m.group(3), d);
        }
        assertThat(wave).hasSize(TREE.apps().size());
        for (ChildApp a : TREE.apps()) {
            String r = "kubernetes_manifest.app_" + a.id().replace('-', '_');
            assertThat(wave).containsEntry(r, TREE.plan().waveOf(a.id()));
            List<String> d = deps.get(r);
            if (a.wave() == 0) {
                assertThat(d).contains("kubernetes_config_map_v1_data.argocd_cm_application_health", "kubernetes_manifest.project_kubeflow");
            } else {
                // exactly the apps of the wave right before: the chain orders every wave after all earlier ones
                assertThat(d).isNotEmpty().allSatisfy(x -> assertThat(wave.get(x)).isEqualTo(a.wave() - 1));
                assertThat(d).hasSize((int) TREE.apps().stream().filter(o -> o.wave() == a.wave() - 1).count());
            }
        }
    }

    @Test
    void automatedAppsWaitUntilSyncedAndHealthyAndNoTemplateIsEvaluated() {
        String apps = TF.file(TerraformConfig.APPS);
        assertThat(apps.split("wait \\{", -1)).hasSize(TREE.apps().size() + 1);
        assertThat(apps).contains("\"status.health.status\" = \"Healthy\"").contains("\"status.sync.status\"   = \"Synced\"");
        String escaped = Hcl.quote("a ${b} %{c}");
        assertThat(escaped).isEqualTo("\"a $${b} %%{c}\"");
    }

    @Test
    void manualAppsDoNotBlockTheApply() {
        GeneratedTree tree = Trees.fork(Trees.spec("""
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                spec:
                  components:
                    - name: pipelines
                      sync: manual
                """));
        String apps = TerraformConfig.of(tree).file(TerraformConfig.APPS);
        String pipelines = apps.substring(apps.indexOf("# pipelines: wave"), apps.indexOf("\n}\n", apps.indexOf("# pipelines: wave")));
        assertThat(pipelines).doesNotContain("wait {").contains("manual sync: Terraform creates it and goes on");
    }
}
