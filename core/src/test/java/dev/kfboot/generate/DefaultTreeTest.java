package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.argocd.AppProject;
import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.argocd.SyncPolicy;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default 26.03 platform's tree against what facts.md says it must hold. */
class DefaultTreeTest {

    private static final GeneratedTree TREE = Trees.defaultFork();
    private static final TreeDocs DOCS = TreeDocs.of(TREE);

    /** facts.md: the webhooks and CRD conversion webhooks whose caBundle is injected. */
    private static final List<String> INJECTED_WEBHOOKS = List.of(
            "MutatingWebhookConfiguration/admission-webhook-mutating-webhook-configuration",
            "MutatingWebhookConfiguration/cert-manager-webhook",
            "ValidatingWebhookConfiguration/cert-manager-webhook",
            "MutatingWebhookConfiguration/katib.kubeflow.org",
            "ValidatingWebhookConfiguration/katib.kubeflow.org",
            "MutatingWebhookConfiguration/inferenceservice.serving.kserve.io",
            "ValidatingWebhookConfiguration/clusterservingruntime.serving.kserve.io",
            "ValidatingWebhookConfiguration/inferencegraph.serving.kserve.io",
            "ValidatingWebhookConfiguration/inferenceservice.serving.kserve.io",
            "ValidatingWebhookConfiguration/llminferenceservice.serving.kserve.io",
            "ValidatingWebhookConfiguration/localmodelcache.serving.kserve.io",
            "ValidatingWebhookConfiguration/servingruntime.serving.kserve.io",
            "ValidatingWebhookConfiguration/trainedmodel.serving.kserve.io",
            "MutatingWebhookConfiguration/cache-webhook-kubeflow",
            "MutatingWebhookConfiguration/pvcviewer-mutating-webhook-configuration",
            "ValidatingWebhookConfiguration/pvcviewer-validating-webhook-configuration",
            "MutatingWebhookConfiguration/istio-sidecar-injector",
            "MutatingWebhookConfiguration/spark-operator-webhook",
            "ValidatingWebhookConfiguration/spark-operator-webhook",
            "MutatingWebhookConfiguration/webhook.serving.knative.dev",
            "ValidatingWebhookConfiguration/validator.trainer.kubeflow.org");

    private static final List<String> CONVERSION_CRDS =
            List.of("pvcviewers.kubeflow.org", "inferenceservices.serving.kserve.io");
    /** facts.md: 8 CRDs over 262,144 bytes (spark-operator 2, kserve 3, trainer 3). */
    private static final Map<String, List<String>> LARGE_CRDS = Map.of(
            "spark-operator",
                    List.of(
                            "scheduledsparkapplications.sparkoperator.k8s.io",
                            "sparkapplications.sparkoperator.k8s.io"),
            "kserve",
                    List.of(
                            "inferenceservices.serving.kserve.io",
                            "llminferenceserviceconfigs.serving.kserve.io",
                            "llminferenceservices.serving.kserve.io"),
            "trainer",
                    List.of(
                            "clustertrainingruntimes.trainer.kubeflow.org",
                            "jobsets.jobset.x-k8s.io",
                            "trainingruntimes.trainer.kubeflow.org"));

    @Test
    void everyComponentHasOneChildInThePlansWave() {
        List<Application> children = DOCS.children();
        assertThat(children).hasSize(27);
        for (Application a : children) {
            String id = a.labels().get(Names.COMPONENT);
            assertThat(a.syncWave()).as(id).isEqualTo(TREE.plan().waveOf(id));
            assertThat(a.labels())
                    .containsEntry(Names.WAVE, String.valueOf(TREE.plan().waveOf(id)))
                    .containsEntry(Names.MANAGED_BY, Names.KFBOOT);
            assertThat(a.cascadesDeletion()).as(id).isTrue();
            assertThat(a.syncPolicy().automated()).as(id).isEqualTo(new SyncPolicy.Automated(true, true));
            assertThat(a.syncPolicy().retry()).as(id).isEqualTo(SyncPolicy.Retry.DEFAULT);
            assertThat(a.destinationNamespace()).isNotBlank();
            assertThat(a.project()).isEqualTo("kubeflow");
        }
        assertThat(DOCS.child("user-namespace").syncWave()).isEqualTo(4);
        assertThat(DOCS.child("kserve").syncWave())
                .isGreaterThan(DOCS.child("knative-serving").syncWave());
    }

    @Test
    void caBundleIgnoresCoverEveryInjectedWebhookAndConversionCrd() {
        List<IgnoreDifference> ignores = DOCS.children().stream()
                .flatMap(a -> a.ignoreDifferences().stream())
                .toList();
        for (String w : INJECTED_WEBHOOKS) {
            String[] kn = w.split("/");
            assertThat(ignores).as(w).anySatisfy(d -> {
                assertThat(d.appliesTo("admissionregistration.k8s.io", kn[0], null, kn[1]))
                        .isTrue();
                assertThat(d.covers("/webhooks/0/clientConfig/caBundle", ".webhooks[]?.clientConfig.caBundle"))
                        .isTrue();
            });
        }
        for (String crd : CONVERSION_CRDS) {
            assertThat(ignores).as(crd).anySatisfy(d -> {
                assertThat(d.appliesTo("apiextensions.k8s.io", "CustomResourceDefinition", null, crd))
                        .isTrue();
                assertThat(d.covers("/spec/conversion/webhook/clientConfig/caBundle", ""))
                        .isTrue();
            });
        }
        // and every webhook configuration of the inventory, whoever injects it
        for (Inventory.Entry e : TREE.plan().inventory().entries()) {
            if (e.object().webhooks().isEmpty()) continue;
            Application owner = DOCS.child(e.component());
            assertThat(owner.ignoreDifferences())
                    .as(e.object().id().toString())
                    .anyMatch(d -> d.appliesTo(
                            e.object().id().group(),
                            e.object().id().kind(),
                            null,
                            e.object().id().name()));
            assertThat(owner.syncPolicy().has(ArgoCd.RESPECT_IGNORE_DIFFERENCES))
                    .isTrue();
        }
    }

    @Test
    void secretsShippedEmptyAreIgnoredWhereTheyLive() {
        Application knative = DOCS.child("knative-serving");
        assertThat(knative.ignoreDifferences())
                .anyMatch(d -> d.appliesTo("", "Secret", "knative-serving", "webhook-certs") && d.covers("/data", ""));
        // Secrets with keys in the manifests (passwords the user sets) are compared as usual
        assertThat(DOCS.child("katib").ignoreDifferences())
                .noneMatch(d -> d.kind().equals("Secret"));
    }

    @Test
    void serverSideApplyIsPerResourceOnTheLargeCrdsOnly() {
        LARGE_CRDS.forEach((app, crds) -> {
            Application a = DOCS.child(app);
            assertThat(a.sources().get(0).path()).isEqualTo("argocd/overlays/" + app);
            String overlay = TREE.file("overlays/" + app + "/kustomization.yaml");
            for (String crd : crds) {
                assertThat(overlay)
                        .contains("name: " + crd + "\n    patch: |\n")
                        .contains("name: " + crd + "\n        annotations:\n          " + ArgoCd.SYNC_OPTIONS
                                + ": Prune=false,Delete=false,ServerSideApply=true\n");
            }
        });
        long ssaPatches = TREE.files().entrySet().stream()
                .filter(f -> f.getKey().startsWith("overlays/"))
                .mapToLong(f ->
                        f.getValue().split("sync-options: Prune=false,Delete=false,ServerSideApply=true\n", -1).length
                                - 1)
                .sum();
        assertThat(ssaPatches).isEqualTo(8);
        for (Application a : DOCS.applications())
            assertThat(a.syncPolicy().has(ArgoCd.SERVER_SIDE_APPLY)).isFalse();
    }

    @Test
    void everyAppWithNamespacesOrCrdsProtectsThemFromPruneAndDelete() {
        for (Application a : DOCS.children()) {
            String id = a.labels().get(Names.COMPONENT);
            boolean sensitive = TREE.plan().inventory().of(id).stream()
                    .anyMatch(e -> e.object().isCrd() || e.object().isNamespace());
            if (!sensitive) {
                assertThat(a.sources().get(0).path()).as(id).doesNotStartWith("argocd/overlays/");
                continue;
            }
            String overlay = TREE.file("overlays/" + id + "/kustomization.yaml");
            boolean crds = TREE.plan().inventory().of(id).stream()
                    .anyMatch(e -> e.object().isCrd());
            boolean nss = TREE.plan().inventory().of(id).stream()
                    .anyMatch(e -> e.object().isNamespace());
            if (crds)
                assertThat(overlay).as(id).contains("""
                      - target:
                          group: apiextensions.k8s.io
                          kind: CustomResourceDefinition
                        patch: |
                          apiVersion: apiextensions.k8s.io/v1
                          kind: CustomResourceDefinition
                          metadata:
                            name: all
                            annotations:
                              argocd.argoproj.io/sync-options: Prune=false,Delete=false
                    """.stripIndent().indent(0).replace("\n  - ", "\n  - "));
            if (nss)
                assertThat(overlay)
                        .as(id)
                        .contains("kind: Namespace\n    patch: |\n      apiVersion: v1\n")
                        .contains("argocd.argoproj.io/sync-options: Prune=false,Delete=false");
        }
        assertThat(TREE.file("overlays/profiles/kustomization.yaml")).contains("profiles.kubeflow.org among them");
    }

    @Test
    void syncOptionsAreDerivedNotBlanket() {
        // every destination namespace of the default set is created by some app
        for (Application a : DOCS.children())
            assertThat(a.syncPolicy().has(ArgoCd.CREATE_NAMESPACE)).isFalse();
        assertThat(DOCS.child("kubeflow-namespace").syncPolicy().has(ArgoCd.PRUNE_LAST))
                .isTrue();
        assertThat(DOCS.child("user-namespace").syncPolicy().syncOptions()).isEmpty();
        assertThat(DOCS.child("kserve").syncPolicy().has(ArgoCd.SKIP_DRY_RUN_ON_MISSING))
                .isTrue();
        assertThat(DOCS.child("centraldashboard").syncPolicy().has(ArgoCd.SKIP_DRY_RUN_ON_MISSING))
                .isFalse();
        assertThat(DOCS.child("centraldashboard").syncPolicy().has(ArgoCd.RESPECT_IGNORE_DIFFERENCES))
                .isFalse();
    }

    @Test
    void rootAppNeverUsesServerSideApplyAndHasItsOwnProject() {
        Application root = DOCS.applications().stream()
                .filter(a -> a.location().file().equals("root-app.yaml"))
                .findFirst()
                .orElseThrow();
        assertThat(root.syncPolicy().syncOptions()).doesNotContain(ArgoCd.SERVER_SIDE_APPLY);
        assertThat(root.project()).isEqualTo("kubeflow-root");
        assertThat(root.sources().get(0).path()).isEqualTo("argocd/apps");
        assertThat(root.destinationNamespace()).isEqualTo("argocd");
        assertThat(TREE.file("apps/kustomization.yaml"))
                .startsWith("# Generated by kfboot")
                .contains("  - cert-manager.yaml\n")
                .contains("  - user-namespace.yaml\n");
    }

    @Test
    void projectsAreLeastPrivilegeWithoutWildcards() {
        assertThat(TREE.file("projects.yaml")).doesNotContain("*");
        List<AppProject> projects = DOCS.projects();
        AppProject kubeflow = projects.stream()
                .filter(p -> p.name().equals("kubeflow"))
                .findFirst()
                .orElseThrow();
        assertThat(kubeflow.sourceRepos()).containsExactly(Trees.FORK_URL);
        assertThat(kubeflow.destinations())
                .extracting(AppProject.Destination::namespace)
                .containsExactly(
                        "auth",
                        "cert-manager",
                        "istio-system",
                        "knative-serving",
                        "kube-system",
                        "kubeflow",
                        "kubeflow-system",
                        "oauth2-proxy");
        assertThat(kubeflow.clusterResourceWhitelist())
                .extracting(Object::toString)
                .contains(
                        "Namespace",
                        "CustomResourceDefinition.apiextensions.k8s.io",
                        "Profile.kubeflow.org",
                        "ClusterRole.rbac.authorization.k8s.io")
                .doesNotContain("Deployment.apps", "Application.argoproj.io");
        assertThat(kubeflow.namespaceResourceWhitelist()).isEmpty();
        AppProject root = projects.stream()
                .filter(p -> p.name().equals("kubeflow-root"))
                .findFirst()
                .orElseThrow();
        assertThat(root.namespaceResourceWhitelist()).containsExactly(ArgoCd.APPLICATION);
        assertThat(root.clusterResourceWhitelist()).isEmpty();
        assertThat(root.destinations()).containsExactly(new AppProject.Destination(ArgoCd.IN_CLUSTER, null, "argocd"));
    }

    @Test
    void healthCheckIsTheDocumentedLua() {
        String health = TREE.file("argocd-cm-health.yaml");
        assertThat(health)
                .contains("name: argocd-cm")
                .contains(ArgoCd.APP_HEALTH_KEY + ": |\n")
                .contains("    hs.status = \"Progressing\"\n")
                .contains("    hs.status = obj.status.health.status\n")
                .contains(
                        "kubectl -n argocd patch configmap argocd-cm --type merge --patch-file argocd-cm-health.yaml");
        assertThat(TREE.file("README.md"))
                .contains("kubectl -n argocd patch configmap argocd-cm --type merge")
                .contains("| 3 | kserve | kubeflow-kserve | kubeflow | automated | after knative-serving:");
    }

    @Test
    void theSameSpecGivesTheSameBytes() {
        assertThat(Trees.defaultFork().files()).isEqualTo(TREE.files());
    }

    @Test
    void forkTreeMatchesTheGolden() {
        Golden.assertMatches("tree-26.03-fork.txt", Trees.concat(TREE));
    }

    @Test
    void standaloneTreeMatchesTheGolden() {
        GeneratedTree standalone = Trees.standalone(Platform.defaults("26.03"));
        Application kserve = TreeDocs.of(standalone).child("kserve");
        assertThat(kserve.sources().get(0).repoURL()).isEqualTo(Trees.TREE_URL);
        assertThat(standalone.file("overlays/kserve/kustomization.yaml"))
                .contains("  - https://github.com/kubeflow/manifests.git//applications/kserve/kserve?ref=26.03\n");
        Application dashboard = TreeDocs.of(standalone).child("centraldashboard");
        assertThat(dashboard.sources().get(0).repoURL()).isEqualTo(Trees.FORK_URL);
        assertThat(dashboard.sources().get(0).targetRevision()).isEqualTo("26.03");
        Golden.assertMatches("tree-26.03-standalone.txt", Trees.concat(standalone));
    }
}
