package dev.kfboot.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.spec.Platform;
import dev.kfboot.upgrade.Change;
import dev.kfboot.upgrade.UpgradePlan;
import dev.kfboot.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The tree generate writes with an upgrade plan (26.03.1 from committed facts, a plan naming its real objects): the
 * plan's options land as patches on exactly the objects named, kept objects are written from their old bodies, the
 * root app prunes old Applications last, the README says what and why, and options nobody can write are findings.
 */
class UpgradeTreeTest {

    private static final ResourceId JOBSET =
            ResourceId.of("apps", "Deployment", "kubeflow-system", "jobset-controller-manager");
    private static final ResourceId BINDING =
            ResourceId.of("rbac.authorization.k8s.io", "ClusterRoleBinding", null, "llmisvc-manager-rolebinding");
    private static final ResourceId OLD_CRD =
            ResourceId.of("apiextensions.k8s.io", "CustomResourceDefinition", null, "widgets.example.org");
    private static final String RECREATE = "Force=true,Replace=true";
    private static final String KEEP = "Prune=false,Delete=false";

    private static Change immutable(String app, ResourceId id) {
        return new Change(
                Change.Type.IMMUTABLE,
                Severity.WARNING,
                app,
                app,
                id,
                null,
                "spec.selector",
                "{a}",
                "{a,b}",
                "spec.selector changes",
                "Force=true,Replace=true on this object",
                RECREATE);
    }

    static UpgradePlan plan() {
        Map<String, Object> oldCrd = Map.of(
                "apiVersion",
                "apiextensions.k8s.io/v1",
                "kind",
                "CustomResourceDefinition",
                "metadata",
                Map.of("name", "widgets.example.org"),
                "spec",
                Map.of(
                        "group",
                        "example.org",
                        "scope",
                        "Namespaced",
                        "names",
                        Map.of("kind", "Widget", "plural", "widgets"),
                        "versions",
                        List.of(Map.of("name", "v1", "served", true, "storage", true))),
                "status",
                Map.of("x", 1));
        List<Change> changes = List.of(
                immutable("trainer", JOBSET),
                immutable("kserve", BINDING),
                new Change(
                        Change.Type.REMOVED,
                        Severity.ERROR,
                        "kserve",
                        "widgets",
                        OLD_CRD,
                        null,
                        null,
                        null,
                        null,
                        "no longer rendered; deleting it deletes every Widget",
                        "needs a decision: kept",
                        KEEP),
                // the app is not in the target platform, and an object the target app does not render
                immutable("gone", ResourceId.of("apps", "Deployment", "kubeflow", "gone-manager")),
                immutable("trainer", ResourceId.of("apps", "Deployment", "kubeflow-system", "no-such-deployment")));
        return new UpgradePlan(
                "26.03",
                "26.03.1",
                changes,
                Map.of("trainer", 2, "kserve", 2),
                null,
                List.of(new UpgradePlan.Kept("kserve", OLD_CRD, oldCrd, "no longer rendered")));
    }

    static GeneratedTree tree(UpgradePlan plan) {
        return Kfboot.quiet()
                .generate(
                        Platform.defaults("26.03.1"),
                        Sources.facts(),
                        new TreeOptions(
                                Layout.FORK,
                                new TreeSite(Trees.FORK_URL, "26.03.1", "argocd"),
                                List.of(),
                                false,
                                plan));
    }

    @Test
    void theImmutableObjectsArePatchedByKindNamespaceAndNameWithTheirApiVersion() {
        GeneratedTree tree = tree(plan());
        String trainer = tree.file("overlays/trainer/kustomization.yaml");
        assertThat(trainer).contains("""
                  - target:
                      group: apps
                      kind: Deployment
                      name: jobset-controller-manager
                      namespace: kubeflow-system
                    patch: |
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata:
                        name: jobset-controller-manager
                        annotations:
                          argocd.argoproj.io/sync-options: Force=true,Replace=true
                """);
        assertThat(tree.file("overlays/kserve/kustomization.yaml"))
                .contains("name: llmisvc-manager-rolebinding")
                .contains("apiVersion: rbac.authorization.k8s.io/v1");
        // exactly the objects named: one Replace patch per app, none elsewhere
        String annotation = ArgoCd.SYNC_OPTIONS + ": " + RECREATE;
        assertThat(tree.files().entrySet().stream()
                        .filter(f -> f.getValue().contains(annotation))
                        .map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("overlays/trainer/kustomization.yaml", "overlays/kserve/kustomization.yaml");
        assertThat(tree.files().values().stream()
                        .mapToLong(f -> f.split(annotation, -1).length - 1)
                        .sum())
                .isEqualTo(2);
    }

    @Test
    void aDroppedObjectIsKeptFromItsOldBodyWithItsProtection() {
        GeneratedTree tree = tree(plan());
        assertThat(tree.file("overlays/kserve/kustomization.yaml")).contains("  - " + UpgradeOverlay.KEPT_FILE + "\n");
        var docs = YamlReader.forUserFiles().parseAll(tree.file("overlays/kserve/" + UpgradeOverlay.KEPT_FILE), "kept");
        assertThat(docs).hasSize(1);
        String kept = tree.file("overlays/kserve/" + UpgradeOverlay.KEPT_FILE);
        assertThat(kept)
                .contains("name: widgets.example.org")
                .contains(ArgoCd.SYNC_OPTIONS + ": " + KEEP)
                .doesNotContain("status:");
        assertThat(tree.upgradeEdits())
                .filteredOn(UpgradeEdit::kept)
                .singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(OLD_CRD));
    }

    @Test
    void theReadmeListsEveryEditAndTheDecisionsAndTheRootPrunesLast() {
        GeneratedTree tree = tree(plan());
        String readme = tree.file("README.md");
        assertThat(readme)
                .contains("## Upgrade from 26.03 to 26.03.1")
                .contains("| trainer | `-n kubeflow-system deployment.apps/jobset-controller-manager` | `" + RECREATE
                        + "` |")
                .contains("widgets.example.org` (kept, in `overlays/kserve/upgrade-kept.yaml`)")
                .contains("Left to a human")
                .contains("generate again without `--upgrade-from`");
        Application root = TreeDocs.of(tree).applications().stream()
                .filter(a -> a.location().file().equals("root-app.yaml"))
                .findFirst()
                .orElseThrow();
        assertThat(root.syncPolicy().syncOptions()).contains(ArgoCd.PRUNE_LAST);
    }

    @Test
    void optionsNoAppOfTheTreeCanWriteAreWarnings() {
        List<Finding> w = tree(plan()).findings().stream()
                .filter(f -> f.rule().equals("upgrade-option"))
                .toList();
        assertThat(w)
                .extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "-n kubeflow deployment.apps/gone-manager: Force=true,Replace=true not "
                                + "written: app gone is not in this platform",
                        "-n kubeflow-system deployment.apps/no-such-deployment: "
                                + "Force=true,Replace=true not written: trainer does not render it in this platform");
        assertThat(w).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void anUpgradeThatNeedsNothingChangesOnlyTheReadme() {
        GeneratedTree plain = Kfboot.quiet()
                .generate(
                        Platform.defaults("26.03.1"),
                        Sources.facts(),
                        new TreeOptions(
                                Layout.FORK, new TreeSite(Trees.FORK_URL, "26.03.1", "argocd"), List.of(), false));
        GeneratedTree nothing = tree(new UpgradePlan("26.03.1", "26.03.1", List.of(), Map.of(), null, List.of()));
        assertThat(plain.files().values()).noneMatch(f -> f.contains(RECREATE) || f.contains("Upgrade from"));
        assertThat(nothing.upgradeEdits()).isEmpty();
        Map<String, String> expected = new TreeMap<>(plain.files());
        expected.put("README.md", nothing.file("README.md"));
        assertThat(nothing.files()).isEqualTo(expected);
        assertThat(nothing.file("README.md"))
                .contains("Nothing added: no object needs a sync option for this upgrade.");
    }
}
