package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.argocd.ArgoResources;
import dev.kfboot.cluster.testing.Trees;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kfboot delete}: reverse wave order, cascading, and the two refusals. */
class DeleteCommandTest extends ClusterCliTest {

    private List<String> apps() {
        return cli
                .mock
                .client()
                .genericKubernetesResources(ArgoResources.APPLICATION)
                .inNamespace("argocd")
                .list()
                .getItems()
                .stream()
                .map(a -> a.getMetadata().getName())
                .sorted()
                .toList();
    }

    @Test
    void deleteAllGoesInReverseWaveOrderAndWaits() {
        cli.deployed();

        CliRun r = cli.run("delete", "--all", "--yes");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                wave 2: deleting katib, pipelines and what they deployed
                wave 2: deleted
                wave 1: deleting istio-install and what they deployed
                wave 1: deleted
                wave 0: deleting cert-manager and what they deployed
                wave 0: deleted
                deleted 4 applications
                """);
        assertThat(apps()).isEmpty();
    }

    @Test
    void theAppOfAppsGoesFirstWithoutCascading() {
        Path tree = Trees.in(dir.resolve("t"))
                .app("cert-manager", 0, false)
                .app("katib", 1, false)
                .root("kubeflow-apps")
                .dir();
        cli.argo.resources(
                "kubeflow-apps",
                List.of(
                        Map.of(
                                "group",
                                "argoproj.io",
                                "version",
                                "v1alpha1",
                                "kind",
                                "Application",
                                "namespace",
                                "argocd",
                                "name",
                                "cert-manager"),
                        Map.of(
                                "group",
                                "argoproj.io",
                                "version",
                                "v1alpha1",
                                "kind",
                                "Application",
                                "namespace",
                                "argocd",
                                "name",
                                "katib")));
        assertThat(cli.run("deploy", tree.toString()).code()).isZero();

        CliRun single = cli.run("delete", "katib");
        assertThat(single.code()).isEqualTo(2);
        assertThat(single.err())
                .isEqualTo("kfboot: error: katib belongs to the app of apps kubeflow-apps, whose "
                        + "automated sync would create it again\n"
                        + "  hint: delete everything with --all, or remove katib from "
                        + "the source of kubeflow-apps first\n");

        CliRun r = cli.run("delete", "--all", "--yes");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith(
                        "deleted app of apps kubeflow-apps (its child Applications are deleted one wave at a time)\n"
                                + "wave 1: deleting katib");
        assertThat(apps()).isEmpty();
    }

    @Test
    void refusesToDeleteTheProfilesCrdOrNamespacesWithoutTheFlagThatNamesIt() {
        cli.argo.resources(
                "profiles",
                List.of(Map.of(
                        "group",
                        "apiextensions.k8s.io",
                        "version",
                        "v1",
                        "kind",
                        "CustomResourceDefinition",
                        "name",
                        "profiles.kubeflow.org")));
        cli.argo.resources(
                "kubeflow-namespace",
                List.of(
                        Map.of("version", "v1", "kind", "Namespace", "name", "kubeflow"),
                        Map.of("version", "v1", "kind", "Namespace", "name", "kubeflow-system")));
        Path tree = Trees.in(dir.resolve("t"))
                .app("kubeflow-namespace", 0, false)
                .app("profiles", 1, false)
                .dir();
        assertThat(cli.run("deploy", tree.toString()).code()).isZero();

        CliRun profiles = cli.run("delete", "profiles");
        assertThat(profiles.code()).isEqualTo(2);
        assertThat(profiles.err())
                .isEqualTo("kfboot: error: deleting profiles deletes the CRD profiles.kubeflow.org, and with it every "
                        + "Profile and every profile namespace (all users' notebooks, pipelines and volumes)\n"
                        + "  hint: pass --delete-profile-namespaces to delete it anyway\n");

        CliRun namespaces = cli.run("delete", "--all", "--yes", "--delete-profile-namespaces");
        assertThat(namespaces.code()).isEqualTo(2);
        assertThat(namespaces.err())
                .startsWith("kfboot: error: deleting kubeflow-namespace deletes the namespaces kubeflow, "
                        + "kubeflow-system and everything in them\n");
        assertThat(apps()).as("nothing deleted before the refusal").containsExactly("kubeflow-namespace", "profiles");

        CliRun both = cli.run("delete", "--all", "--yes", "--delete-profile-namespaces", "--delete-namespaces");
        assertThat(both.code()).as(both.err()).isZero();
        assertThat(apps()).isEmpty();
    }

    @Test
    void deleteWithoutAnythingToDeleteExitsTwo() {
        CliRun r = cli.run("delete");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("kfboot: error: nothing to delete\n");
    }

    @Test
    void severalAppsNeedConfirmationAndWithoutATerminalYes() {
        cli.deployed();

        CliRun all = cli.run("delete", "--all");
        assertThat(all.code()).isEqualTo(2);
        assertThat(all.err())
                .isEqualTo("kfboot: error: refusing to delete every Application in namespace argocd and "
                        + "everything they deployed without confirmation\n  hint: pass "
                        + "--yes to confirm (there is no terminal to ask on)\n");
        CliRun two = cli.run("delete", "katib", "pipelines");
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err()).startsWith("kfboot: error: refusing to delete 2 Applications (katib, pipelines)");
        assertThat(apps()).as("nothing deleted without confirmation").hasSize(4);

        CliRun yes = cli.run("delete", "katib", "pipelines", "-y", "-o", "json");
        assertThat(yes.code()).as(yes.err()).isZero();
        assertThat(apps()).containsExactly("cert-manager", "istio-install");
        assertThat(yes.out()).isEqualTo("""
                {
                  "namespace": "argocd",
                  "deleted": [
                    "katib",
                    "pipelines"
                  ]
                }
                """);
        assertThat(yes.err()).contains("wave 2: deleting katib, pipelines");
    }

    @Test
    void appsAreNamedByApplicationOrByComponent() {
        cli.mock.create("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: kubeflow-katib
                  namespace: argocd
                  labels: {kfboot.dev/component: katib, app.kubernetes.io/managed-by: kfboot}
                spec:
                  project: default
                  source: {repoURL: "https://example.com/repo.git", path: apps/katib, targetRevision: main}
                  destination: {server: "https://kubernetes.default.svc", namespace: kubeflow}
                """);

        CliRun byComponent = cli.run("history", "katib");
        CliRun byName = cli.run("history", "kubeflow-katib");
        assertThat(byComponent.code()).as(byComponent.err()).isEqualTo(byName.code());
        assertThat(byComponent.out()).isEqualTo(byName.out());
        assertThat(byComponent.err()).doesNotContain("no Application");
        CliRun describe = cli.run("describe", "katib");
        assertThat(describe.out()).contains("kubeflow-katib");

        CliRun unknown = cli.run("history", "katibb");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("no Application 'katibb' in namespace argocd")
                .contains("kubeflow-katib");

        CliRun deleted = cli.run("delete", "katib");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(apps()).doesNotContain("kubeflow-katib");
    }
}
