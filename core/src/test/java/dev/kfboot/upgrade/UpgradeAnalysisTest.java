package dev.kfboot.upgrade;

import static dev.kfboot.upgrade.Release.upgrade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.inventory.Crd;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class UpgradeAnalysisTest {

    private static String deployment(String name, String labels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: kubeflow}
                spec:
                  selector: {matchLabels: {%s}}
                  template:
                    metadata: {labels: {%s}}
                    spec: {containers: [{name: c, image: "example.org/ctl:v1"}]}
                """.formatted(name, labels, labels);
    }

    private static String crd(String name, String scope, String... versions) {
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < versions.length; i++) {
            v.append("    - {name: ")
                    .append(versions[i])
                    .append(", served: true, storage: ")
                    .append(i == 0)
                    .append("}\n");
        }
        String[] parts = name.split("\\.", 2);
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: %s}
                spec:
                  group: %s
                  scope: %s
                  names: {kind: %s, plural: %s}
                  versions:
                %s""".formatted(
                        name,
                        parts[1],
                        scope,
                        Character.toUpperCase(parts[0].charAt(0)) + parts[0].substring(1, parts[0].length() - 1),
                        parts[0],
                        v);
    }

    private static Change only(UpgradePlan plan, Change.Type type) {
        assertThat(plan.of(type)).hasSize(1);
        return plan.of(type).get(0);
    }

    @Test
    void aSelectorThatGrowsIsImmutableAndTheObjectIsRecreatedByItsOwnSyncOptions() {
        UpgradePlan plan = upgrade(
                Release.named("a").app("ctl", deployment("ctl-manager", "app: ctl")),
                Release.named("b").app("ctl", deployment("ctl-manager", "app: ctl, part: ctl, tier: control")));

        Change c = only(plan, Change.Type.IMMUTABLE);
        assertThat(c.id()).hasToString("-n kubeflow deployment.apps/ctl-manager");
        assertThat(c.field()).isEqualTo("spec.selector");
        assertThat(c.oldValue()).isEqualTo("{\"matchLabels\":{\"app\":\"ctl\"}}");
        assertThat(c.newValue()).contains("\"tier\":\"control\"");
        assertThat(c.severity()).isEqualTo(Severity.WARNING);
        assertThat(c.syncOptions()).isEqualTo("Force=true,Replace=true");
        assertThat(plan.resourceOptions())
                .isEqualTo(Map.of(
                        "ctl",
                        Map.of(
                                ResourceId.of("apps", "Deployment", "kubeflow", "ctl-manager"),
                                "Force=true,Replace=true")));
        assertThat(plan.needsDecision()).isFalse();
    }

    @Test
    void aTemplateChangeAloneIsAnOrdinaryUpdate() {
        UpgradePlan plan = upgrade(
                Release.named("a").app("ctl", deployment("ctl-manager", "app: ctl")),
                Release.named("b")
                        .app("ctl", deployment("ctl-manager", "app: ctl").replace("ctl:v1", "ctl:v2")));

        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void statefulSetFieldsOutsideTheTemplateAreImmutableButTheDefaultPolicyIsNoChange() {
        String a = """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: kubeflow}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: db}]}}
                  volumeClaimTemplates: [{metadata: {name: data}, spec: {resources: {requests: {storage: 1Gi}}}}]
                """;
        String b = a.replace("serviceName: db", "serviceName: db-headless\n  podManagementPolicy: OrderedReady")
                .replace("storage: 1Gi", "storage: 5Gi");
        UpgradePlan plan =
                upgrade(Release.named("a").app("db", a), Release.named("b").app("db", b));

        assertThat(plan.of(Change.Type.IMMUTABLE))
                .extracting(Change::field)
                .containsExactlyInAnyOrder("spec.serviceName", "spec.volumeClaimTemplates");
        assertThat(plan.of(Change.Type.IMMUTABLE)).allMatch(c -> c.fix().contains("PersistentVolumeClaims stay"));
    }

    @Test
    void aJobTemplateChangeRecreatesTheJob() {
        String job = """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: init-db, namespace: kubeflow}
                spec: {template: {spec: {restartPolicy: Never, containers: [{name: i, image: "init:1"}]}}}
                """;
        UpgradePlan plan = upgrade(
                Release.named("a").app("db", job), Release.named("b").app("db", job.replace("init:1", "init:2")));

        assertThat(only(plan, Change.Type.IMMUTABLE).field()).isEqualTo("spec.template");
    }

    @Test
    void aHeadlessServiceThatGetsAnAddressMustBeRecreatedButATypeChangeAloneNeedNot() {
        String svc = """
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: kubeflow}
                spec: {clusterIP: None, ports: [{port: 5432}]}
                """;
        UpgradePlan headless = upgrade(
                Release.named("a").app("db", svc), Release.named("b").app("db", svc.replace("clusterIP: None, ", "")));
        UpgradePlan nodePort = upgrade(
                Release.named("a").app("db", svc.replace("clusterIP: None, ", "")),
                Release.named("b").app("db", svc.replace("clusterIP: None, ", "type: NodePort, ")));

        Change c = only(headless, Change.Type.IMMUTABLE);
        assertThat(c.oldValue()).isEqualTo("type ClusterIP, clusterIP None");
        assertThat(c.newValue()).isEqualTo("type ClusterIP, clusterIP (allocated)");
        assertThat(nodePort.of(Change.Type.IMMUTABLE)).isEmpty();
    }

    @Test
    void aClaimMayGrowButAnyOtherSpecChangeNeedsADecision() {
        String pvc = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: kubeflow}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
                """;
        UpgradePlan grows =
                upgrade(Release.named("a").app("db", pvc), Release.named("b").app("db", pvc.replace("10Gi", "20Gi")));
        UpgradePlan shrinks =
                upgrade(Release.named("a").app("db", pvc), Release.named("b").app("db", pvc.replace("10Gi", "5000Mi")));
        UpgradePlan modes = upgrade(
                Release.named("a").app("db", pvc),
                Release.named("b").app("db", pvc.replace("ReadWriteOnce", "ReadWriteMany")));

        assertThat(grows.changes()).isEmpty();
        assertThat(only(shrinks, Change.Type.IMMUTABLE).severity()).isEqualTo(Severity.ERROR);
        Change c = only(modes, Change.Type.IMMUTABLE);
        assertThat(c.severity()).isEqualTo(Severity.ERROR);
        assertThat(c.syncOptions()).isNull();
        assertThat(modes.needsDecision()).isTrue();
    }

    @Test
    void aBindingWhoseRoleChangesIsRecreatedAndTheOldRoleRenamedIsReportedAsARename() {
        String a = """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: serving-manager-role}
                rules: [{apiGroups: [serving.example.org], resources: [services, services/status], verbs: [get, list, \
                watch, update]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: serving-manager-rolebinding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: serving-manager-role}
                subjects: [{kind: ServiceAccount, name: serving, namespace: kubeflow}]
                """;
        String b = a.replace("name: serving-manager-role}", "name: acme-serving-manager-role}")
                .replace("name: serving-manager-role}\nsubjects", "name: acme-serving-manager-role}\nsubjects");
        UpgradePlan plan =
                upgrade(Release.named("a").app("serving", a), Release.named("b").app("serving", b));

        Change binding = only(plan, Change.Type.IMMUTABLE);
        assertThat(binding.id())
                .hasToString("clusterrolebinding.rbac.authorization.k8s.io/serving-manager-rolebinding");
        assertThat(binding.field()).isEqualTo("roleRef");
        assertThat(binding.newValue()).contains("acme-serving-manager-role");
        Change role = only(plan, Change.Type.RENAMED);
        assertThat(role.newId().name()).isEqualTo("acme-serving-manager-role");
        assertThat(role.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aCrdWhoseScopeChangesNeedsADecision() {
        UpgradePlan plan = upgrade(
                Release.named("a").app("x", crd("widgets.example.org", "Namespaced", "v1")),
                Release.named("b").app("x", crd("widgets.example.org", "Cluster", "v1")));

        Change c = only(plan, Change.Type.IMMUTABLE);
        assertThat(c.field()).isEqualTo("spec.scope");
        assertThat(c.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void anImmutableSecretNamesTheKeysThatChangeNeverTheValues() {
        String s = """
                apiVersion: v1
                kind: Secret
                metadata: {name: creds, namespace: kubeflow}
                immutable: true
                stringData: {password: hunter2-old, user: admin}
                """;
        UpgradePlan plan = upgrade(
                Release.named("a").app("db", s), Release.named("b").app("db", s.replace("hunter2-old", "s3cr3t-new")));

        Change c = only(plan, Change.Type.IMMUTABLE);
        assertThat(c.oldValue() + c.newValue() + c.message() + c.fix())
                .contains("password")
                .doesNotContain("hunter2")
                .doesNotContain("s3cr3t")
                .doesNotContain("admin");
        assertThat(UpgradeText.write(plan) + UpgradeJson.write(plan))
                .doesNotContain("hunter2")
                .doesNotContain("s3cr3t");
        String mutable = s.replace("immutable: true\n", "");
        assertThat(upgrade(
                                Release.named("a").app("db", mutable),
                                Release.named("b").app("db", mutable.replace("hunter2-old", "x")))
                        .changes())
                .isEmpty();
    }

    @Test
    void objectsThatGoAwayArePrunedButDataIsKeptAndNeedsADecision() {
        String a = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: kubeflow}
                data: {a: b}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: store, namespace: kubeflow}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                ---
                """ + deployment("web", "app: web");
        UpgradePlan plan = upgrade(
                Release.named("a").app("store", a), Release.named("b").app("store", deployment("web", "app: web")));

        assertThat(plan.of(Change.Type.REMOVED))
                .extracting(c -> c.id().name(), Change::severity)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("settings", Severity.INFO), Tuple.tuple("store", Severity.ERROR));
        assertThat(plan.kept()).extracting(k -> k.id().name()).containsExactly("store");
        assertThat(plan.kept().get(0).app()).isEqualTo("store");
        assertThat(plan.resourceOptions().get("store")).containsValue("Prune=false,Delete=false");
        assertThat(plan.needsDecision()).isTrue();
    }

    @Test
    void theProfilesCrdThatMovesIsProtectedAndAProfileThatLeavesIsKeptNeverDeleted() {
        String profiles = crd("profiles.kubeflow.org", "Cluster", "v1", "v1beta1");
        String profile = """
                apiVersion: kubeflow.org/v1
                kind: Profile
                metadata: {name: team-a}
                spec: {owner: {kind: User, name: a@example.org}}
                """;
        UpgradePlan plan = upgrade(
                Release.named("a").app("profiles", profiles).app("users", profile),
                Release.named("b")
                        .app("dashboard", profiles)
                        .app("users", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: kubeflow}\n"));

        Change moved = plan.of(Change.Type.MOVED).stream()
                .filter(c -> c.id().name().equals("profiles.kubeflow.org"))
                .findFirst()
                .orElseThrow();
        assertThat(moved.app()).isEqualTo("dashboard");
        assertThat(moved.syncOptions()).isEqualTo("Prune=false,Delete=false");
        assertThat(moved.message()).contains("deletes every profile namespace");
        Change gone = only(plan, Change.Type.REMOVED);
        assertThat(gone.id().name()).isEqualTo("team-a");
        assertThat(gone.syncOptions()).isEqualTo("Prune=false,Delete=false");
        assertThat(plan.kept()).extracting(k -> k.id().name()).containsExactly("team-a");
        assertThat(plan.changes())
                .filteredOn(c -> c.id() != null)
                .allSatisfy(c ->
                        assertThat(c.fix()).contains("Prune=false,Delete=false").doesNotContain("delete it after"));
        Golden.assertMatches("upgrade/moved-and-kept.json", UpgradeJson.write(plan));
    }

    @Test
    void objectsRenamedForTheSameRoleArePairedAndUnrelatedOnesAreNot() {
        String a = deployment("alpha-webhook-deployment", "app: defaults") + "---\n"
                + deployment("metrics", "app: metrics");
        String b = deployment("beta-webhook-deployment", "app: defaults").replace("ctl:v1", "ctl:v2") + "---\n"
                + deployment("scheduler", "app: sched");
        UpgradePlan plan =
                upgrade(Release.named("a").app("hooks", a), Release.named("b").app("dash", b));

        Change r = only(plan, Change.Type.RENAMED);
        assertThat(r.id().name()).isEqualTo("alpha-webhook-deployment");
        assertThat(r.newId().name()).isEqualTo("beta-webhook-deployment");
        assertThat(r.fromApp()).isEqualTo("hooks");
        assertThat(r.app()).isEqualTo("dash");
        assertThat(plan.of(Change.Type.REMOVED)).extracting(c -> c.id().name()).containsExactly("metrics");
        Golden.assertMatches("upgrade/renamed.json", UpgradeJson.write(plan));
    }

    @Test
    void aGeneratedNameWithANewContentHashIsARenameOfTheSameObject() {
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ui-config-9c2fbg2gdc, "
                + "namespace: kubeflow}\ndata: {a: b}\n";
        UpgradePlan plan = upgrade(
                Release.named("a").app("ui", cm),
                Release.named("b")
                        .app("ui", cm.replace("9c2fbg2gdc", "f5cb4gtmbc").replace("a: b", "a: c")));

        assertThat(only(plan, Change.Type.RENAMED).message()).startsWith("generated name changes (content hash)");
    }

    @Test
    void aDroppedCrdVersionIsABlockerWhenStoredAndNothingWhenTheClusterSaysItIsNot() {
        Release a = Release.named("a").app("x", crd("widgets.example.org", "Namespaced", "v1beta1", "v1"));
        Release b = Release.named("b").app("x", crd("widgets.example.org", "Namespaced", "v1"));

        Change offline = only(upgrade(a, b), Change.Type.CRD_VERSION);
        assertThat(offline.severity()).isEqualTo(Severity.ERROR);
        assertThat(offline.message()).contains("unverified");
        Change stored = only(upgrade(a, b, live(List.of("v1beta1", "v1"), List.of())), Change.Type.CRD_VERSION);
        assertThat(stored.severity()).isEqualTo(Severity.ERROR);
        assertThat(stored.message()).contains("read live: [v1beta1, v1]");
        Change notStored = only(upgrade(a, b, live(List.of("v1"), List.of())), Change.Type.CRD_VERSION);
        assertThat(notStored.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aRemovedCrdCountsItsCustomResourcesWhenTheClusterIsRead() {
        Release a = Release.named("a")
                .app("x", crd("widgets.example.org", "Namespaced", "v1") + "---\n" + deployment("x", "app: x"));
        Release b = Release.named("b").app("x", deployment("x", "app: x"));
        var w = ResourceId.of("example.org", "Widget", "team-a", "w1");

        Change offline = only(upgrade(a, b), Change.Type.REMOVED);
        assertThat(offline.severity()).isEqualTo(Severity.ERROR);
        assertThat(offline.message()).contains("unverified");
        Change some = only(upgrade(a, b, live(List.of(), List.of(w))), Change.Type.REMOVED);
        assertThat(some.severity()).isEqualTo(Severity.ERROR);
        assertThat(some.message()).contains("the cluster has 1 Widget (-n team-a widget.example.org/w1)");
        Change none = only(upgrade(a, b, live(List.of(), List.of())), Change.Type.REMOVED);
        assertThat(none.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void orderingChangesListNewEdgesAndWaves() {
        String ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: jobs}\n";
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: jobs}\n";
        UpgradePlan plan = upgrade(
                Release.named("a")
                        .app("namespaces", ns)
                        .app("trainer", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: kubeflow}\n"),
                Release.named("b").app("namespaces", ns).app("trainer", cm));

        assertThat(plan.of(Change.Type.ORDERING))
                .extracting(Change::app, Change::message)
                .contains(
                        Tuple.tuple("trainer", "wave 0 -> 1"),
                        Tuple.tuple("trainer", "now depends on namespaces (objects in namespace jobs)"));
    }

    private static LiveFacts live(List<String> stored, List<ResourceId> crs) {
        return new LiveFacts() {
            @Override
            public Optional<List<String>> storedVersions(String crdName) {
                return Optional.of(stored);
            }

            @Override
            public Optional<List<ResourceId>> customResources(Crd crd, String version) {
                return Optional.of(crs);
            }

            @Override
            public String source() {
                return "test";
            }
        };
    }
}
