package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.cluster.argocd.ArgoResources;
import dev.kfboot.model.Fields;
import dev.kfboot.model.Json;
import dev.kfboot.testing.Golden;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code kfboot adopt DIR} on a hand-installed cluster (the mock API server): the report, read-only, then --apply. */
class AdoptCommandTest extends ClusterCliTest {

    private Path repo;
    private Path tree;

    @BeforeEach
    void handInstalled() {
        repo = dir.resolve("repo");
        tree = HandInstall.tree(repo);
        HandInstall.install(cli.mock);
    }

    private CliRun adopt(String... args) {
        List<String> all =
                new ArrayList<>(List.of("adopt", tree.toString(), "--repo-root", repo.toString(), "--no-cache", "-q"));
        all.addAll(Arrays.asList(args));
        return cli.run(all.toArray(String[]::new));
    }

    private String shown(String out) {
        return out.replace(cli.mock.url() + "/", "URL").replace(tree.toString(), "TREE");
    }

    private List<String> writes() {
        return cli.mock.requests().stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    @Test
    void reportsWhatEachAppAdoptsChangesCreatesAndFightsOverAndWhatStaysUnmanaged() {
        CliRun r = adopt();

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEmpty();
        assertThat(shown(r.out())).isEqualTo("""
                adopting into URL (context mock): 3 apps of TREE against the live objects

                APP                 OBJECTS  ADOPTED  CHANGED  MISSING  OTHER-OWNER  NOTE
                centraldashboard    2        0        0        1        1
                katib               4        2        2        0        0
                kubeflow-namespace  1        1        0        0        0

                changed by the first sync (only fields the source sets; Secret values hidden):
                --- live -n kubeflow configmap/katib-config
                +++ desired -n kubeflow configmap/katib-config
                @@ -7,3 +7,5 @@
                     init:
                       controller:
                         webhookPort: 8443
                +        trialResources:
                +          - Job.v1.batch
                --- live -n kubeflow secret/katib-mysql
                +++ desired -n kubeflow secret/katib-mysql
                @@ -3,5 +3,5 @@
                 metadata:
                   name: katib-mysql
                 data:
                -  MYSQL_ROOT_PASSWORD: (secret value, as in the cluster)
                +  MYSQL_ROOT_PASSWORD: (secret value, as in the source)
                   MYSQL_USER: (secret value)

                missing, created by the first sync:
                  centraldashboard: -n kubeflow deployment.apps/centraldashboard

                managed by another tool, the first sync would fight over them:
                  centraldashboard: -n kubeflow service/centraldashboard: Helm release kubeflow-dashboard (annotation \
                meta.helm.sh/release-name)

                left unmanaged: 2 live objects in kubeflow that no app owns (Argo CD leaves them alone):
                  -n kubeflow configmap/ml-notes
                  -n kubeflow secret/registry-token: Argo CD Application registry-creds (annotation \
                argocd.argoproj.io/tracking-id)

                3 apps: 3 objects adopted as they are, 2 changed, 1 missing, 1 managed by another tool; 2 left unmanaged
                nothing was changed; `kfboot adopt TREE --apply` creates the AppProjects and Applications with \
                automated sync off
                """);
        assertThat(r.out())
                .doesNotContain(
                        "from-git-s3cret", "aGFuZC1lZGl0ZWQtc2VjcmV0", "hand-edited-secret", "c2VjcmV0LXRva2Vu");
    }

    @Test
    void neverWritesWithoutApply() {
        adopt();
        adopt("-o", "json");

        List<String> requests = cli.mock.requests();
        assertThat(requests).isNotEmpty();
        assertThat(requests)
                .noneMatch(r -> r.startsWith("POST ")
                        || r.startsWith("PUT ")
                        || r.startsWith("PATCH ")
                        || r.startsWith("DELETE "));
        assertThat(cli.mock
                        .client()
                        .genericKubernetesResources(ArgoResources.APPLICATION)
                        .inNamespace("argocd")
                        .list()
                        .getItems())
                .isEmpty();
    }

    @Test
    void jsonHasTheSameRecords() throws Exception {
        addChartApp();

        CliRun r = adopt("-o", "json");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("changesLiveObjects").asBoolean()).isTrue();
        assertThat(json.get("summary").toString())
                .isEqualTo("{\"apps\":4,\"adopted\":3,\"changed\":2,\"missing\":1,\"otherOwner\":1,\"unmanaged\":2}");
        JsonNode katib = json.get("apps").get(1);
        assertThat(katib.get("app").asText()).isEqualTo("katib");
        assertThat(katib.get("adopted").toString())
                .isEqualTo("[\"validatingwebhookconfiguration.admissionregistration.k8s.io/katib.kubeflow.org\",\"-n "
                        + "kubeflow deployment.apps/katib-controller\"]");
        assertThat(katib.get("changed").get(1).get("id").asText()).isEqualTo("-n kubeflow secret/katib-mysql");
        assertThat(katib.get("changed").get(1).get("diff").asText())
                .contains("(secret value, as in the cluster)")
                .doesNotContain("from-git");
        JsonNode monitoring = json.get("apps").get(3);
        assertThat(monitoring.get("notCompared").asText())
                .isEqualTo("chart kube-prometheus-stack 65.1.0 from "
                        + "https://prometheus-community.github.io/helm-charts cannot be "
                        + "fetched offline (no --helm-cache): the app is unverified");
        assertThat(json.get("unmanaged").get(1).toString())
                .isEqualTo("{\"id\":\"-n kubeflow secret/registry-token\","
                        + "\"owner\":\"Argo CD Application registry-creds (annotation "
                        + "argocd.argoproj.io/tracking-id)\"}");
        assertThat(json.get("namespaces").toString()).isEqualTo("[\"kubeflow\"]");
        assertThat(json.has("applied")).isFalse();
    }

    @Test
    void jsonAndYamlMatchTheGoldens() throws Exception {
        addChartApp();

        assertGolden("adopt", ExitCodes.FINDINGS, adopt("-o", "json"), adopt("-o", "yaml"));
    }

    /** An app from a Helm chart repository, which adopt cannot render offline: its row says so. */
    private void addChartApp() throws IOException {
        Files.writeString(tree.resolve("apps/monitoring.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: monitoring, namespace: argocd}
                spec:
                  project: kubeflow
                  source: {repoURL: https://prometheus-community.github.io/helm-charts, chart: kube-prometheus-stack, \
                targetRevision: 65.1.0}
                  destination: {server: https://kubernetes.default.svc, namespace: monitoring}
                """);
    }

    /** The first --apply creates every Application, the second leaves them: the JSON shows one, the YAML the other. */
    @Test
    void applyAsJsonAndYamlMatchTheGoldens() {
        CliRun created = adopt("--apply", "-o", "json");
        CliRun existing = adopt("--apply", "-o", "yaml");

        assertGolden("adopt-apply", ExitCodes.FINDINGS, created, existing);
    }

    private void assertGolden(String name, int code, CliRun json, CliRun yaml) {
        assertThat(json.code()).as(json.err()).isEqualTo(code);
        assertThat(yaml.code()).as(yaml.err()).isEqualTo(code);
        Golden.assertMatches("json/" + name + ".json", OutputGoldens.relative(shown(json.out()), dir));
        Golden.assertMatches("json/" + name + ".yaml", OutputGoldens.relative(shown(yaml.out()), dir));
    }

    @Test
    void aClusterThatMatchesTheTreeIsAdoptedAsItIs() {
        var c = cli.mock.client();
        c.configMaps().inNamespace("kubeflow").withName("katib-config").edit(cm -> {
            cm.setData(Map.of(
                    "katib-config.yaml",
                    "init:\n  controller:\n    webhookPort: 8443\n    trialResources:\n      - Job.v1.batch\n"));
            return cm;
        });
        c.secrets().inNamespace("kubeflow").withName("katib-mysql").edit(s -> {
            s.setData(Map.of(
                    "MYSQL_ROOT_PASSWORD",
                    Base64.getEncoder().encodeToString("from-git-s3cret".getBytes()),
                    "MYSQL_USER",
                    "a2F0aWI="));
            return s;
        });
        c.services().inNamespace("kubeflow").withName("centraldashboard").delete();

        CliRun r = adopt();

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("3 apps: 5 objects adopted as they are, 0 changed, 2 missing, 0 managed by another tool");
    }

    @Test
    void applyCreatesTheProjectsAndApplicationsWithAutomatedSyncOff() throws Exception {
        CliRun r = adopt("--apply");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(shown(r.out())).contains("""
                applied, every Application with automated sync off (Argo CD compares, changes nothing):
                  AppProject kubeflow: created
                  Application kubeflow-namespace: created
                  Application centraldashboard: created
                  Application katib: created
                  Application kubeflow-apps: created
                next: review the differences above (Argo CD shows each app's as well), then start each app's first \
                sync with \
                `kfboot sync APP`, or run `kfboot deploy TREE`, which syncs wave by wave and switches automated sync \
                on where the tree has it
                """);
        var apps = cli.mock
                .client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace("argocd");
        for (GenericKubernetesResource a : apps.list().getItems()) {
            assertThat(Fields.get(a.getAdditionalProperties(), "spec", "syncPolicy", "automated"))
                    .as(a.getMetadata().getName())
                    .isNull();
            assertThat(Fields.list(a.getAdditionalProperties(), "spec", "syncPolicy", "syncOptions"))
                    .containsExactly("ServerSideApply=true");
        }
        assertThat(apps.list().getItems()).hasSize(4);
        assertThat(Fields.maps(apps.withName("katib").get().getAdditionalProperties(), "spec", "ignoreDifferences"))
                .hasSize(1);
        assertThat(writes())
                .allMatch(w -> w.startsWith("POST /apis/argoproj.io/v1alpha1/namespaces/argocd/"))
                .hasSize(5);
        Thread.sleep(200); // Argo CD's stand-in runs automated syncs of apps that have them on: none has
        assertThat(cli.argo.operations()).isEmpty();
    }

    @Test
    void applyLeavesExistingApplicationsAsTheyAre() {
        adopt("--apply");
        int before = writes().size();
        var katib = cli.mock
                .client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace("argocd")
                .withName("katib");
        String version = katib.get().getMetadata().getResourceVersion();

        CliRun again = adopt("--apply");

        assertThat(again.out())
                .contains("  Application katib: exists, left as it is", "  AppProject kubeflow: exists, left as it is");
        assertThat(writes()).hasSize(before);
        assertThat(katib.get().getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void anAppThatDoesNotRenderIsUnusableInputAndNothingIsAsked() throws Exception {
        Files.writeString(
                tree.resolve("apps/katib.yaml"),
                Files.readString(tree.resolve("apps/katib.yaml"))
                        .replace("path: manifests/katib", "path: manifests/katib-v2"));

        CliRun r = adopt("--apply");

        assertThat(r.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err())
                .startsWith("kfboot: error: 1 app cannot be rendered, so what it owns is unknown: "
                        + "katib: path manifests/katib-v2 does not exist")
                .contains("  hint: `kfboot validate ");
        assertThat(r.noStackTrace()).isTrue();
        assertThat(cli.mock.requests()).isEmpty();
    }
}
