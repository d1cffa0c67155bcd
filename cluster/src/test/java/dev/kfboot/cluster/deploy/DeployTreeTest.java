package dev.kfboot.cluster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.cluster.testing.Trees;
import dev.kfboot.model.Fields;
import dev.kfboot.model.InputException;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.validate.TreeApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an app-of-apps tree: what counts, what is refused with a line and a hint. */
class DeployTreeTest {

    @TempDir
    Path dir;

    @Test
    void readsAppsProjectsAndTheAppOfAppsAndSkipsApplicationSets() {
        Trees t = Trees.in(dir)
                .project("kubeflow")
                .app("cert-manager", 0, true)
                .app("katib", 2, false)
                .root("kubeflow-apps")
                .write("apps/set.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: ApplicationSet
                        metadata: {name: tenants, namespace: argocd}
                        spec: {generators: [], template: {metadata: {name: x}, spec: {}}}
                        ---
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        resources: [cert-manager.yaml]
                        """);

        DeployTree tree = DeployTree.read(t.dir(), "argocd");

        assertThat(tree.apps())
                .extracting(TreeApp::name)
                .containsExactlyInAnyOrder("cert-manager", "katib", "kubeflow-apps");
        assertThat(tree.apps())
                .filteredOn(tree::isRoot)
                .extracting(TreeApp::name)
                .containsExactly("kubeflow-apps");
        assertThat(tree.waves()).containsExactly(0, 2);
        assertThat(tree.projectNames()).containsExactly("kubeflow");
        assertThat(tree.skipped()).singleElement().asString().startsWith("ApplicationSet tenants (apps/set.yaml)");
        TreeApp cm = tree.apps().stream()
                .filter(a -> a.name().equals("cert-manager"))
                .findFirst()
                .orElseThrow();
        assertThat(HeldSync.automated(cm)).containsEntry("prune", true);
        assertThat(HeldSync.held(cm).toString()).doesNotContain("automated").contains("retry");
        assertThat(HeldSync.retry(cm)).containsEntry("limit", 5L);
    }

    @Test
    void refusesDuplicatesForeignNamespacesAndBadWaves() {
        Trees.in(dir).app("katib", 1, false).write("apps/copy.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: katib, namespace: argocd}
                spec: {}
                """);
        assertThatThrownBy(() -> DeployTree.read(dir, "argocd"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("Application katib is defined twice (also at apps/copy.yaml:1)");

        Path other = dir.resolve("other");
        Trees.in(other).app("katib", 1, false);
        assertThatThrownBy(() -> DeployTree.read(other, "gitops"))
                .isInstanceOf(InputException.class)
                .hasMessage("Application katib is in namespace argocd, not in Argo CD's namespace gitops");

        Path wave = dir.resolve("wave");
        Trees.in(wave).write("a.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: katib
                  annotations: {argocd.argoproj.io/sync-wave: "two"}
                spec: {}
                """);
        assertThatThrownBy(() -> DeployTree.read(wave, "argocd"))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.oneLine())
                                .isEqualTo("a.yaml:1: sync-wave annotation 'two' of katib is not a number"));
    }

    @Test
    void aGeneratedTreesOverlaysAndEnvironmentsAreNotDeployedWithTheBase() {
        Trees t = generatedTree();

        DeployTree base = DeployTree.read(t.dir(), "argocd");

        assertThat(base.apps())
                .extracting(TreeApp::name)
                .containsExactlyInAnyOrder("cert-manager", "katib", "kubeflow-apps");
    }

    @Test
    void anEnvironmentIsItsOverlayRenderedWithItsOwnRootApp() {
        Kustomize.required();
        Trees t = generatedTree();

        DeployTree prod = DeployTree.read(t.dir(), "argocd", "prod", DeployTree.Checkout.NONE);

        assertThat(prod.apps())
                .extracting(TreeApp::name)
                .containsExactlyInAnyOrder("cert-manager-prod", "katib-prod", "kubeflow-apps-prod");
        assertThat(prod.apps())
                .filteredOn(prod::isRoot)
                .extracting(TreeApp::name)
                .containsExactly("kubeflow-apps-prod");
        TreeApp katib = prod.apps().stream()
                .filter(a -> a.name().equals("katib-prod"))
                .findFirst()
                .orElseThrow();
        assertThat(DeployTree.wave(katib)).isEqualTo(2);
        assertThat(Fields.string(HeldSync.document(katib), "spec", "source", "targetRevision"))
                .isEqualTo("release-prod");
        assertThat(prod.projectNames()).containsExactly("kubeflow");
        assertThatThrownBy(() -> DeployTree.read(t.dir(), "argocd", "qa", DeployTree.Checkout.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage("the tree has no environment 'qa'");
    }

    @Test
    void anAppIntoArgoCdsNamespaceFromARepositoryWithoutCheckoutIsRefused(@TempDir Path tenants) {
        Trees t = Trees.in(dir).app("katib", 1, false).write("apps/tenants.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: tenants, namespace: argocd}
                spec:
                  project: kubeflow
                  source: {repoURL: https://github.com/example/tenants.git, targetRevision: main, path: apps}
                  destination: {server: https://kubernetes.default.svc, namespace: argocd}
                """);

        assertThatThrownBy(() -> DeployTree.read(t.dir(), "argocd"))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.oneLine())
                                .isEqualTo("apps/tenants.yaml:1: Application tenants deploys into Argo CD's namespace "
                                        + "argocd from https://github.com/example/tenants.git, which has no local "
                                        + "checkout, so kfboot cannot tell whether it is an app of apps"));

        // with a checkout, validate's hierarchy decides: another repository's apps are not this tree's children
        Trees.in(tenants).app("team-a", 0, false);
        DeployTree tree = DeployTree.read(
                t.dir(),
                "argocd",
                null,
                new DeployTree.Checkout(null, Map.of("https://github.com/example/tenants.git", tenants), null));
        assertThat(tree.roots()).isEmpty();
        assertThat(tree.waves()).containsExactly(0, 1);
    }

    @Test
    void theTreesOwnRepositoryNamedWithRepoUrlMakesItsAppOfAppsKnown() throws IOException {
        // no git: without --repo-url kfboot cannot know the root's repoURL is this directory
        Files.createDirectories(dir.resolve("apps"));
        Files.writeString(dir.resolve("root.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: platform, namespace: argocd}
                spec:
                  project: kubeflow
                  source: {repoURL: https://git.acme.io/platform.git, targetRevision: main, path: apps}
                  destination: {server: https://kubernetes.default.svc, namespace: argocd}
                """);
        Files.writeString(dir.resolve("apps/katib.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: katib, namespace: argocd, annotations: {argocd.argoproj.io/sync-wave: "2"}}
                spec:
                  project: kubeflow
                  source: {repoURL: https://github.com/kubeflow/manifests.git, targetRevision: main, path: katib}
                  destination: {server: https://kubernetes.default.svc, namespace: kubeflow}
                """);
        assertThatThrownBy(() -> DeployTree.read(dir, "argocd"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Application platform deploys into Argo CD's namespace argocd");

        DeployTree tree = DeployTree.read(
                dir, "argocd", null, new DeployTree.Checkout(null, Map.of(), "https://git.acme.io/platform.git"));

        assertThat(tree.apps()).extracting(TreeApp::name).containsExactlyInAnyOrder("platform", "katib");
        assertThat(tree.apps())
                .filteredOn(tree::isRoot)
                .extracting(TreeApp::name)
                .containsExactly("platform");
        assertThat(tree.waves()).containsExactly(2);
    }

    @Test
    void anAppIntoArgoCdsNamespaceThatDeploysNoApplicationsIsDeployedInItsWave() {
        Trees t = Trees.in(dir)
                .app("katib", 2, false)
                .root("kubeflow-apps")
                .write("apps/argocd-config.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: argocd-config, namespace: argocd, annotations: {argocd.argoproj.io/sync-wave: "-1"}}
                spec:
                  project: kubeflow
                  source: {repoURL: %s, targetRevision: main, path: config}
                  destination: {server: https://kubernetes.default.svc, namespace: argocd}
                """.formatted(Trees.REPO_URL));
        try {
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        DeployTree tree = DeployTree.read(t.dir(), "argocd");

        assertThat(tree.apps())
                .filteredOn(tree::isRoot)
                .extracting(TreeApp::name)
                .containsExactly("kubeflow-apps");
        assertThat(tree.waves()).containsExactly(-1, 2);
    }

    /** The layout kfboot generate writes: root-app.yaml, projects, apps/, overlays/, envs/NAME/. */
    private Trees generatedTree() {
        Trees t = Trees.in(dir)
                .project("kubeflow")
                .app("cert-manager", 0, true)
                .app("katib", 2, false)
                .root("kubeflow-apps")
                .write("apps/kustomization.yaml", "resources: [cert-manager.yaml, katib.yaml]\n");
        try {
            Files.createDirectories(dir.resolve("overlays/katib"));
            Files.createDirectories(dir.resolve("envs/prod"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        t.write("overlays/katib/app.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: not-deployed-by-kfboot, namespace: argocd}
                spec: {}
                """);
        t.write("envs/prod/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../../apps]
                nameSuffix: -prod
                patches:
                  - target: {kind: Application}
                    patch: |
                      - op: replace
                        path: /spec/source/targetRevision
                        value: release-prod
                """);
        t.write("envs/prod/root-app.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: kubeflow-apps-prod, namespace: argocd}
                spec:
                  project: kubeflow
                  source: {repoURL: https://github.com/example/platform.git, targetRevision: release-prod, path: \
                envs/prod}
                  destination: {server: https://kubernetes.default.svc, namespace: argocd}
                """);
        return t;
    }
}
