package dev.kfboot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.render.RenderCache;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.Rendering;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import dev.kfboot.upgrade.Change;
import dev.kfboot.upgrade.LiveFacts;
import dev.kfboot.upgrade.ReleaseTree;
import dev.kfboot.upgrade.UpgradeAnalysis;
import dev.kfboot.upgrade.UpgradePlan;
import dev.kfboot.upgrade.UpgradeText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Plans the real upgrades between the releases in ../shared/upstream, rendered with real kustomize through the suite's
 * shared render cache. What upstream's notes say must be done by hand is found in the rendered objects.
 */
class UpgradeIT {

    private static final Map<String, ReleaseTree> TREES = new ConcurrentHashMap<>();
    private static final Map<String, UpgradePlan> PLANS = new ConcurrentHashMap<>();

    static ReleaseTree tree(String release) {
        Kustomize.required();
        Path dir = UpstreamData.release(release);
        // apps as the CLI names them: the components of the tree's catalog, built in or derived from its example
        var catalog = Catalogs.builtin().forTree(dir);
        if (!catalog.derived()) assertThat(catalog.release()).isEqualTo(release);
        return TREES.computeIfAbsent(
                release,
                r -> ReleaseTree.render(
                        dir,
                        r,
                        catalog.catalog(),
                        new RenderCache(
                                Rendering::run,
                                // the four renders of three releases are the slow part: the other tests of these
                                // releases render the same units
                                UpstreamData.renderCache()),
                        RenderOptions.defaults(UpstreamData.remoteCache()),
                        x -> {}));
    }

    static UpgradePlan plan(String from, String to) {
        return PLANS.computeIfAbsent(from + ">" + to, k -> {
            ReleaseTree a = tree(from);
            ReleaseTree b = tree(to);
            assertThat(a.findings()).isEmpty();
            assertThat(b.findings()).isEmpty();
            return UpgradeAnalysis.analyze(a.side(), b.side(), LiveFacts.NONE);
        });
    }

    private static List<Change> of(UpgradePlan p, Change.Type type, String resource) {
        return p.of(type).stream()
                .filter(c -> c.id().toString().equals(resource))
                .toList();
    }

    @Test
    void jobSetControllerSelectorGrowsAndTheDeploymentIsRecreatedByItsSyncOptions() {
        UpgradePlan p = plan("26.03", "26.03.1");
        List<Change> c = of(p, Change.Type.IMMUTABLE, "-n kubeflow-system deployment.apps/jobset-controller-manager");
        assertThat(c).hasSize(1);
        assertThat(c.get(0).field()).isEqualTo("spec.selector");
        assertThat(c.get(0).app()).isEqualTo("trainer");
        assertThat(c.get(0).syncOptions()).isEqualTo("Force=true,Replace=true");
        // one label before, four after (facts.md, upstream #3428)
        assertThat(c.get(0).oldValue().split("\":\"")).hasSize(2);
        assertThat(c.get(0).newValue().split("\":\"")).hasSize(5);
    }

    @Test
    void kserveLlmisvcClusterRoleBindingChangesItsRoleAndTheRoleIsRenamed() {
        UpgradePlan p = plan("26.03", "26.03.1");
        List<Change> binding = of(
                p, Change.Type.IMMUTABLE, "clusterrolebinding.rbac.authorization.k8s.io/llmisvc-manager-rolebinding");
        assertThat(binding).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("roleRef");
            assertThat(c.app()).isEqualTo("kserve");
            assertThat(c.syncOptions()).isEqualTo("Force=true,Replace=true");
            assertThat(c.newValue()).contains("kserve-llmisvc-manager-role");
        });
        assertThat(of(p, Change.Type.RENAMED, "clusterrole.rbac.authorization.k8s.io/llmisvc-manager-role"))
                .singleElement()
                .satisfies(c -> assertThat(c.newId().name()).isEqualTo("kserve-llmisvc-manager-role"));
    }

    @Test
    void dashboardProfilesWebhookAndNotebookObjectsMoveOrAreRenamed() {
        UpgradePlan p = plan("26.03", "26.03.1");
        // the reorganisation: per-component apps become dashboard and notebooks-v1
        assertThat(of(p, Change.Type.MOVED, "-n kubeflow deployment.apps/profiles-deployment"))
                .singleElement()
                .satisfies(c -> assertThat(c.app()).isEqualTo("dashboard"));
        assertThat(of(p, Change.Type.MOVED, "-n kubeflow deployment.apps/notebook-controller-deployment"))
                .singleElement()
                .satisfies(c -> assertThat(c.app()).isEqualTo("notebooks-v1"));
        assertThat(of(p, Change.Type.RENAMED, "-n kubeflow deployment.apps/centraldashboard"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.newId().name()).isEqualTo("dashboard");
                    assertThat(c.app()).isEqualTo("dashboard");
                });
        assertThat(of(p, Change.Type.RENAMED, "-n kubeflow deployment.apps/admission-webhook-deployment"))
                .singleElement()
                .satisfies(c -> assertThat(c.newId().name()).isEqualTo("poddefaults-webhook-deployment"));
        assertThat(of(
                        p,
                        Change.Type.RENAMED,
                        "mutatingwebhookconfiguration.admissionregistration.k8s.io/"
                                + "admission-webhook-mutating-webhook-configuration"))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.newId().name()).isEqualTo("poddefaults-webhook-mutating-webhook-configuration"));
        // beyond upstream's notes: the profiles controller's selector changes with the move
        assertThat(of(p, Change.Type.IMMUTABLE, "-n kubeflow deployment.apps/profiles-deployment"))
                .singleElement()
                .satisfies(c -> assertThat(c.field()).isEqualTo("spec.selector"));
    }

    @Test
    void theProfilesCrdAndEveryProfileAreKeptSafe() {
        UpgradePlan p = plan("26.03", "26.03.1");
        Change crd = p.changes().stream()
                .filter(c -> c.id() != null
                        && c.id().toString()
                                .equals("customresourcedefinition.apiextensions.k8s.io/profiles.kubeflow.org"))
                .filter(c -> c.type() == Change.Type.MOVED)
                .findFirst()
                .orElseThrow();
        assertThat(crd.syncOptions()).isEqualTo("Prune=false,Delete=false");
        assertThat(crd.app()).isEqualTo("dashboard");
        // nothing about a Profile or the Profiles CRD removes it, renames it, or re-creates it
        assertThat(p.changes())
                .filteredOn(c -> c.id() != null
                        && (c.id().kind().equals("Profile") || c.id().name().equals("profiles.kubeflow.org")))
                .allSatisfy(c -> {
                    assertThat(c.type()).isIn(Change.Type.MOVED, Change.Type.REMOVED);
                    assertThat(c.syncOptions()).isEqualTo("Prune=false,Delete=false");
                });
        assertThat(p.of(Change.Type.REMOVED))
                .filteredOn(c -> c.id().kind().equals("Namespace"))
                .isEmpty();
        assertThat(UpgradeText.write(p))
                .doesNotContain("Force=true,Replace=true on this object: Argo CD deletes the CustomResourceDefinition");
    }

    @Test
    void v1110To2603IsPlannedToo() {
        UpgradePlan p = plan("v1.11.0", "26.03");
        assertThat(p.changes()).isNotEmpty();
        assertThat(p.changes()).allSatisfy(c -> assertThat(c.fix()).isNotBlank());
        // the Profiles CRD stays where it is and nothing touches it
        assertThat(p.changes())
                .noneMatch(c -> c.id() != null
                        && c.id().name().equals("profiles.kubeflow.org")
                        && c.type() != Change.Type.MOVED);
        System.out.println(UpgradeText.write(p));
    }

    @Test
    void theOldCrdsThatGoAwayNeedADecision() {
        UpgradePlan p = plan("26.03", "26.03.1");
        assertThat(p.of(Change.Type.REMOVED))
                .filteredOn(c -> c.id().kind().equals("CustomResourceDefinition"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.severity()).isEqualTo(Severity.ERROR));
        assertThat(p.needsDecision()).isTrue();
        assertThat(p.kept())
                .extracting(UpgradePlan.Kept::id)
                .extracting(ResourceId::kind)
                .contains("CustomResourceDefinition");
        System.out.println(UpgradeText.write(p));
    }
}
