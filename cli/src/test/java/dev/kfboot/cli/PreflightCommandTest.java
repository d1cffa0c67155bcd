package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.cluster.testing.ClusterParts;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfboot preflight} for the default 26.03 platform: rows, exit codes, JSON, bad input. */
class PreflightCommandTest {

    @TempDir
    Path dir;

    private MockCluster mock;
    private ClusterParts parts;
    private Path kubeconfig;

    @BeforeEach
    void start() {
        mock = MockCluster.start();
        parts = ClusterParts.of(mock);
        kubeconfig = mock.kubeconfig(dir, MockCluster.TOKEN);
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private CliRun preflight(String... args) {
        List<String> all = new ArrayList<>(List.of("preflight", "--kubeconfig", kubeconfig.toString()));
        all.addAll(Arrays.asList(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void aClusterThatFitsTheDefaultPlatformPasses() {
        parts.fitting();

        CliRun r = preflight();

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out().replace(mock.url() + "/", "URL")).isEqualTo("""
                preflight of URL (context mock) for kubeflow/manifests 26.03: 27 apps

                RESULT  CHECK                                                            DETAIL
                pass    Kubernetes is new enough for the release                         v1.31.4; release 26.03 needs \
                1.31+ (Istio 1.29 (common/istio) supports Kubernetes 1.31 to 1.35)
                pass    schedulable nodes have the CPU and memory the platform requests  8 CPU, 32.0 GiB allocatable \
                on 2 of 3 nodes; the platform requests 3.868 CPU, 10.1 GiB
                pass    a default StorageClass exists                                    standard \
                (rancher.io/local-path)
                info    PVC storage the platform requests                                45 GB (pipelines 35, katib \
                10); the storage backend must have room
                pass    no CRD or namespace of the platform belongs to another tool      74 CRDs and 7 namespaces \
                checked, none belongs to another tool
                pass    no earlier install of the platform's CRDs or namespaces          none exists yet
                pass    Argo CD is installed, 3.0 or newer                               v3.5.1 in namespace argocd
                pass    argocd-cm has the Application health check                       \
                resource.customizations.health.argoproj.io_Application is set

                schedulable nodes have the CPU and memory the platform requests:
                  node control-plane: tainted node-role.kubernetes.io/control-plane:NoSchedule, not counted

                all 7 checks passed
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFailingCheckExitsOneWithItsHint() {
        parts.fitting();
        mock.serverVersion("1", "30", "v1.30.9");

        CliRun r = preflight();

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out())
                .contains(
                        "fail    Kubernetes is new enough for the release",
                        "Kubernetes is new enough for the release:\n"
                                + "  hint: upgrade the cluster to Kubernetes 1.31 or newer")
                .endsWith("1 failed, 0 warnings, 6 passed\n");
    }

    @Test
    void warningsPassUnlessStrict() {
        mock.serverVersion("1", "31", "v1.31.4");
        parts.node("worker-1", "8", "32Gi");
        parts.storageClass("standard", "rancher.io/local-path", true);

        CliRun r = preflight();
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains(
                        "warn    Argo CD is installed, 3.0 or newer",
                        "not installed: no namespace argocd",
                        "info    argocd-cm has the Application health check")
                .endsWith("0 failed, 1 warning, 5 passed\n");

        assertThat(preflight("--strict").code()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void anOlderReleaseHasItsOwnMinimum() {
        parts.fitting();
        mock.serverVersion("1", "30", "v1.30.9");

        CliRun r = preflight("--release", "v1.11.0");

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("v1.30.9; release v1.11.0 needs 1.30+ (Istio 1.28 (common/istio) "
                        + "supports Kubernetes 1.30 to 1.34)");
    }

    @Test
    void aSpecSizesThePlatform() throws Exception {
        parts.fitting();
        Path spec = Files.writeString(dir.resolve("platform.yaml"), """
                apiVersion: kfboot.dev/v1alpha1
                kind: Platform
                metadata:
                  name: small
                spec:
                  release: "26.03"
                  components:
                    - name: pipelines
                      enabled: false
                    - name: katib
                      enabled: false
                """);

        JsonNode json = Json.mapper()
                .readTree(preflight("-f", spec.toString(), "-o", "json").out());

        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("needs").toString())
                .isEqualTo("{\"kubernetes\":\"1.31\",\"cpuMillis\":2885,\"memoryMiB\":6335,\"storageGB\":0}");
        assertThat(json.get("checks")).hasSize(8);
        JsonNode storage = json.get("checks").get(2);
        assertThat(storage.get("id").asText()).isEqualTo("default-storage-class");
        JsonNode pvc = json.get("checks").get(3);
        assertThat(pvc.get("status").asText()).isEqualTo("info");
        assertThat(pvc.get("detail").asText()).isEqualTo("none");
        assertThat(json.get("checks").get(1).get("problems").get(0).asText()).startsWith("node control-plane: tainted");
    }

    @Test
    void jsonCarriesTheNeedsAndEveryRowWithItsProblemsAndHint() {
        parts.fitting();
        mock.serverVersion("1", "30", "v1.30.9");

        CliRun r = preflight("-o", "json");

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        Golden.assertMatches("preflight-26.03-old-kubernetes.json", r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        CliRun unknown = preflight("--release", "v0.1");
        assertThat(unknown.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.err())
                .startsWith("kfboot: error: unknown release 'v0.1'")
                .contains("hint: known releases: 26.03.1, 26.03, v1.11.0");

        Path spec =
                Files.writeString(dir.resolve("platform.yaml"), "apiVersion: kfboot.dev/v1alpha1\nkind: Platform\n");
        CliRun both = preflight("-f", spec.toString(), "--release", "26.03");
        assertThat(both.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(both.err()).startsWith("kfboot: error: pass either -f or --release");

        CliRun badSpec = preflight("-f", spec.toString());
        assertThat(badSpec.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(badSpec.noStackTrace()).isTrue();
        assertThat(mock.requests()).isEmpty();
    }

    @Test
    void preflightNeverWrites() {
        parts.fitting();

        preflight();

        assertThat(mock.requests()).isNotEmpty().allMatch(r -> r.startsWith("GET "));
    }
}
