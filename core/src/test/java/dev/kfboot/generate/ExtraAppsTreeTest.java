package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.argocd.AppProject;
import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.argocd.SyncPolicy;
import dev.kfboot.model.InputException;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 004's platform: Kubeflow plus non-Kubeflow apps, manual pipelines, two environments and a fleet. */
class ExtraAppsTreeTest {

    static final String SPEC = """
            apiVersion: kfboot.dev/v1alpha1
            kind: Platform
            metadata:
              name: mlops
            spec:
              release: "26.03"
              argocd:
                namespace: gitops
              syncPolicy:
                retry:
                  limit: 8
                  backoff:
                    duration: 10s
                    maxDuration: 5m
              components:
                - name: pipelines
                  sync: manual
              extraApps:
                - name: seldon-deployments
                  repoURL: https://github.com/jtayl222/financial-mlops-pytorch.git
                  revision: main
                  path: kubernetes/seldon-deployments
                  namespace: financial-inference
                  dependsOn: [kserve]
                  syncOptions: [PrunePropagationPolicy=foreground, PruneLast=true]
                  ignoreDifferences:
                    - group: mlops.seldon.io
                      kind: Model
                      jsonPointers: [/status]
                    - group: mlops.seldon.io
                      kind: Experiment
                      jsonPointers: [/status]
                - name: argo-workflows-pipelines
                  repoURL: https://github.com/jtayl222/financial-mlops-pytorch.git
                  revision: main
                  path: kubernetes/argo-workflows
                  namespace: financial-mlops-pytorch
                  dependsOn: [pipelines]
                - name: mlflow-infra
                  repoURL: https://github.com/jtayl222/financial-mlops-pytorch.git
                  path: kubernetes/mlflow
                  namespace: mlflow
                  sync: manual
                  clusterResources:
                    - group: rbac.authorization.k8s.io
                      kind: ClusterRole
              environments:
                - name: staging
                  revision: staging
                  destination:
                    name: staging-cluster
                  patches:
                    - app: kserve
                      target:
                        kind: Deployment
                        name: kserve-controller-manager
                      patch: |
                        - op: replace
                          path: /spec/replicas
                          value: 1
                - name: production
                  destination:
                    server: https://prod.example.com:6443
              clusters:
                - name: eu-1
                  server: https://eu-1.example.com:6443
                  labels:
                    region: eu
                - name: us-1
                  server: https://us-1.example.com:6443
            """;

    private static final GeneratedTree TREE = Trees.fork(Trees.spec(SPEC));
    private static final TreeDocs DOCS = TreeDocs.of(TREE);

    @Test
    void extraAppsArePlacedInTheGraphByTheirDependencies() {
        assertThat(TREE.plan().waveOf("seldon-deployments"))
                .isEqualTo(TREE.plan().waveOf("kserve") + 1);
        assertThat(TREE.plan().waveOf("argo-workflows-pipelines"))
                .isEqualTo(TREE.plan().waveOf("pipelines") + 1);
        assertThat(TREE.plan().waveOf("mlflow-infra")).isZero();
        Application seldon = DOCS.child("seldon-deployments");
        assertThat(seldon.name()).isEqualTo("mlops-seldon-deployments");
        assertThat(seldon.namespace()).isEqualTo("gitops");
        assertThat(seldon.syncWave()).isEqualTo(TREE.plan().waveOf("seldon-deployments"));
        assertThat(seldon.sources().get(0).repoURL())
                .isEqualTo("https://github.com/jtayl222/financial-mlops-pytorch.git");
        assertThat(seldon.sources().get(0).path()).isEqualTo("kubernetes/seldon-deployments");
        assertThat(seldon.destinationNamespace()).isEqualTo("financial-inference");
        // derived first, then the spec's own in its order
        assertThat(seldon.syncPolicy().syncOptions())
                .containsExactly(
                        "CreateNamespace=true",
                        "RespectIgnoreDifferences=true",
                        "PrunePropagationPolicy=foreground",
                        "PruneLast=true");
        assertThat(seldon.ignoreDifferences())
                .containsExactly(
                        new IgnoreDifference(
                                "mlops.seldon.io", "Experiment", null, null, List.of("/status"), List.of()),
                        new IgnoreDifference("mlops.seldon.io", "Model", null, null, List.of("/status"), List.of()));
        assertThat(DOCS.child("mlflow-infra").sources().get(0).targetRevision()).isEqualTo("HEAD");
    }

    @Test
    void perComponentSyncModeAndRetryFromTheSpec() {
        assertThat(DOCS.child("pipelines").syncPolicy().automated()).isNull();
        assertThat(DOCS.child("mlflow-infra").syncPolicy().automated()).isNull();
        assertThat(DOCS.child("kserve").syncPolicy().automated()).isNotNull();
        assertThat(DOCS.child("kserve").syncPolicy().retry()).isEqualTo(new SyncPolicy.Retry(8, "10s", 2, "5m"));
        assertThat(TREE.file("README.md")).contains("| pipelines | mlops-pipelines | kubeflow | manual |");
    }

    @Test
    void projectAllowsTheExtraAppsAndEveryEnvironmentsCluster() {
        AppProject p = DOCS.projects().stream()
                .filter(x -> x.name().equals("mlops"))
                .findFirst()
                .orElseThrow();
        assertThat(p.sourceRepos())
                .containsExactly("https://github.com/jtayl222/financial-mlops-pytorch.git", Trees.FORK_URL);
        assertThat(p.destinations())
                .contains(
                        new AppProject.Destination("https://kubernetes.default.svc", null, "financial-inference"),
                        new AppProject.Destination(null, "staging-cluster", "mlflow"),
                        new AppProject.Destination("https://prod.example.com:6443", null, "kubeflow"));
        assertThat(p.clusterResourceWhitelist())
                .extracting(Object::toString)
                .contains("ClusterRole.rbac.authorization.k8s.io");
        assertThat(TREE.file("projects.yaml")).doesNotContain("*");
    }

    @Test
    void environmentOverlaysPatchRevisionClusterAndApps() {
        String staging = TREE.file("envs/staging/kustomization.yaml");
        assertThat(staging)
                .contains("nameSuffix: -staging")
                .contains("  - ../../apps\n")
                .contains("targetRevision: staging")
                .contains("name: staging-cluster")
                .contains("server: null")
                .contains("path: /spec/replicas");
        // sources outside the tree's repository keep their revision; only the cluster moves
        String seldon = staging.substring(staging.indexOf("name: mlops-seldon-deployments\n    patch"));
        seldon = seldon.substring(0, seldon.indexOf("  - target:"));
        assertThat(seldon).doesNotContain("targetRevision").contains("name: staging-cluster");
        String production = TREE.file("envs/production/kustomization.yaml");
        assertThat(production).contains("server: https://prod.example.com:6443").doesNotContain("targetRevision");
        Application root = TreeDocs.of(TREE).applications().stream()
                .filter(a -> a.location().file().equals("envs/staging/root-app.yaml"))
                .findFirst()
                .orElseThrow();
        assertThat(root.name()).isEqualTo("mlops-root-staging");
        assertThat(root.sources().get(0).path()).isEqualTo("argocd/envs/staging");
        assertThat(root.sources().get(0).targetRevision()).isEqualTo("staging");
    }

    @Test
    void fleetIsOneApplicationSetSteppingThroughTheWaves() {
        GeneratedTree fleet = Trees.fleet(Trees.spec(SPEC));
        assertThat(fleet.files().keySet())
                .contains("apps/applicationset.yaml")
                .noneMatch(f -> f.startsWith("envs/"))
                .doesNotContain("apps/kserve.yaml");
        String set = fleet.file("apps/applicationset.yaml");
        int waves = fleet.plan().waveList().size();
        assertThat(set.split("key: kfboot.dev/wave", -1)).hasSize(waves + 1);
        assertThat(set)
                .contains("type: RollingSync")
                .contains("cluster: eu-1")
                .contains("server: https://us-1.example.com:6443")
                .contains("name: '{{.name}}-{{.cluster}}'")
                .contains("syncOptions: {{ toJson .syncOptions }}");
        assertThat(set.indexOf("values:\n                - '0'"))
                .isLessThan(set.indexOf("values:\n                - '1'"));
        assertThat(fleet.file("projects.yaml"))
                .contains("kind: ApplicationSet")
                .contains("server: https://eu-1.example.com:6443");
        Golden.assertMatches("tree-fleet.txt", fleet.file("apps/applicationset.yaml"));
    }

    @Test
    void unknownEnvironmentsAndFleetsWithoutClustersAreInputErrors() {
        var spec = Trees.spec(SPEC);
        assertThatThrownBy(() -> Kfboot.quiet()
                        .generate(
                                spec,
                                Sources.facts(),
                                new TreeOptions(
                                        Layout.FORK, new TreeSite(Trees.FORK_URL, "main", ""), List.of("qa"), false)))
                .isInstanceOf(InputException.class)
                .hasMessage("unknown environment 'qa'")
                .satisfies(e -> assertThat(((InputException) e).hint())
                        .isEqualTo("environments in the spec: staging, production"));
        assertThatThrownBy(() -> Trees.fleet(Platform.defaults("26.03")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--applicationset needs the fleet's clusters");
    }

    @Test
    void onlyTheRequestedEnvironmentIsWritten() {
        GeneratedTree one = Kfboot.quiet()
                .generate(
                        Trees.spec(SPEC),
                        Sources.facts(),
                        new TreeOptions(
                                Layout.FORK,
                                new TreeSite(Trees.FORK_URL, "main", "argocd"),
                                List.of("production"),
                                false));
        assertThat(one.files().keySet())
                .contains("envs/production/kustomization.yaml")
                .doesNotContain("envs/staging/kustomization.yaml");
    }

    @Test
    void treeMatchesTheGolden() {
        assertThat(DOCS.applications())
                .allSatisfy(a ->
                        assertThat(a.syncPolicy().has(ArgoCd.SERVER_SIDE_APPLY)).isFalse());
        Golden.assertMatches("tree-extra-apps.txt", Trees.concat(TREE));
    }
}
