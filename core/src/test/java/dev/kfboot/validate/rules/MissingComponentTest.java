package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.CatalogScanner;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.DerivedCatalog;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.ReleaseFacts;
import dev.kfboot.catalog.TestCatalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.CatalogMatch;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingComponentTest {

    static final String USER_NAMESPACE = """
            apiVersion: kubeflow.org/v1beta1
            kind: Profile
            metadata:
              name: kubeflow-user-example-com
            """;
    static final String WEBHOOK = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: admission-webhook-mutating-webhook-configuration
              annotations:
                cert-manager.io/inject-ca-from: kubeflow/admission-webhook-cert
            webhooks: []
            """;
    static final String PIPELINES = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ml-pipeline
              namespace: kubeflow
            """;
    /** The pipelines component whole: what a partial render is measured against. */
    static final String PIPELINES_WHOLE = PIPELINES + """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: ml-pipeline
                  namespace: kubeflow
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: pipeline-install-config
                  namespace: kubeflow
                """;

    @TempDir
    Path repo;

    @Test
    void userNamespaceWithoutProfilesAndWebhooksWithoutCertManagerAreErrors() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("user-namespace", 5, "apps/un", "kubeflow")
                .component("apps/un", USER_NAMESPACE)
                .app("admission-webhook", 1, "apps/aw", "kubeflow")
                .component("apps/aw", WEBHOOK)
                .app("widgets", 1, "apps/w", "kubeflow")
                .component("apps/w", "apiVersion: acme.io/v1\nkind: Widget\nmetadata:\n  name: w\n");

        List<Finding> f = t.findings(new MissingComponent());

        // admission-webhook also makes it a Kubeflow tree missing its core set, and renders part of its component
        f = f.stream()
                .filter(x -> x.app() != null && !x.message().startsWith("renders only"))
                .toList();
        assertThat(f)
                .extracting(x -> x.app() + " " + x.severity())
                .containsExactly("admission-webhook ERROR", "user-namespace ERROR", "widgets WARNING");
        assertThat(f.get(0).message())
                .isEqualTo("needs cert-manager, which no app of the tree installs: it has "
                        + "caBundles that cert-manager's cainjector fills");
        assertThat(f.get(1).message())
                .isEqualTo("needs profiles, which no app of the tree installs: it creates "
                        + "Profile.kubeflow.org objects, whose CRD profiles ships");
        assertThat(f.get(2).message())
                .contains("creates Widget.acme.io objects, but no app of the tree ships their CRD");
    }

    @Test
    void aKubeflowTreeWithoutItsCoreSetAndAPartialComponentAreWarnings() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("pipelines", 2, "apps/kfp", "kubeflow")
                .component("apps/kfp", PIPELINES)
                .app("model-registry", 5, "apps/mr", "kubeflow")
                .component("apps/mr", DestinationNamespaceMismatchTest.MODEL_REGISTRY);

        List<Finding> f = t.findings(new MissingComponent());

        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING);
        assertThat(f)
                .extracting(Finding::message)
                .contains("the tree installs Kubeflow 26.03 without profiles, part of its core set: "
                        + "Profiles controller and KFAM with Pod Security Standards; "
                        + "owns the Profile CRD (never delete it).")
                .anyMatch(m -> m.startsWith("the tree installs Kubeflow 26.03 without admission-webhook"))
                .anyMatch(m -> m.startsWith("the tree installs Kubeflow 26.03 without pvcviewer-controller"))
                .anyMatch(m -> m.startsWith("the tree installs Kubeflow 26.03 without user-namespace"))
                .anyMatch(m ->
                        m.startsWith("renders only 3 of the 9 objects of the release's model-registry (variant db); "
                                + "missing configmap/model-registry-configmap, "
                                + "configmap/model-registry-db-parameters, "
                                + "persistentvolumeclaim/metadata-mysql, "
                                + "secret/model-registry-db-secrets, service/model-registry-db and 1 more"));
        assertThat(f)
                .filteredOn(x -> x.message().contains("core set"))
                .allMatch(x -> x.location().toString().equals("tree/root.yaml:1"));
    }

    @Test
    void aComponentSplitOverTwoAppsIsComplete() {
        String mr = DestinationNamespaceMismatchTest.MODEL_REGISTRY + """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: model-registry-configmap}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: model-registry-db-parameters}
                """;
        String db = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: metadata-mysql}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: model-registry-db-secrets}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: model-registry-db}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: model-registry-db}
                """;
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("model-registry", 5, "apps/mr", "kubeflow")
                .component("apps/mr", mr)
                .app("model-registry-db", 4, "apps/db", "kubeflow")
                .component("apps/db", db);

        assertThat(t.findings(new MissingComponent()))
                .noneMatch(x -> x.message().startsWith("renders only"))
                .allMatch(x -> x.message().contains("core set"));
    }

    @Test
    void aTreeThatShipsWhatItNeedsPasses() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("widget-crds", 1, "apps/crds", "kubeflow")
                .component("apps/crds", """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata:
                          name: widgets.acme.io
                        spec:
                          group: acme.io
                          names: {kind: Widget, plural: widgets}
                          scope: Cluster
                        """)
                .app("widgets", 5, "apps/w", "kubeflow")
                .component("apps/w", "apiVersion: acme.io/v1\nkind: Widget\nmetadata:\n  name: w\n");

        assertThat(t.findings(new MissingComponent())).isEmpty();
    }

    /**
     * Issue 15: a fork of 26.03.1 is measured against 26.03.1's core set (dashboard and notebooks-v1 hold what
     * centraldashboard, profiles, admission-webhook and pvcviewer-controller were), however well other releases'
     * facts match what the apps render.
     */
    @Test
    void theCoreSetIsTheForkReleasesOwn() {
        StringBuilder readme =
                new StringBuilder("# Kubeflow\n\n## Kubeflow Components Versions\n\n| Component | Local Manifests "
                        + "Path | Upstream Revision |\n| - | - | - |\n");
        Catalogs.builtin()
                .release("26.03.1")
                .readmeVersions()
                .forEach((path, rev) -> readme.append("| x | ")
                        .append(path)
                        .append(" | [")
                        .append(rev)
                        .append("](https://example.org) |\n"));
        TreeFixture t = new TreeFixture(repo)
                .root()
                .file("README.md", readme.toString())
                .file(
                        "example/kustomization.yaml",
                        "resources:\n  - "
                                + "../applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user\n")
                .app(
                        "pipelines",
                        2,
                        "applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user",
                        "kubeflow")
                .component("applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user", PIPELINES);

        List<String> core = t.findings(new MissingComponent()).stream()
                .map(Finding::message)
                .filter(m -> m.contains("core set"))
                .toList();

        assertThat(core)
                .anyMatch(
                        m -> m.startsWith("the tree installs Kubeflow 26.03.1 without dashboard, part of its core set"))
                .anyMatch(m ->
                        m.startsWith("the tree installs Kubeflow 26.03.1 without notebooks-v1, part of its core set"))
                .noneMatch(m -> m.contains("without centraldashboard")
                        || m.contains("without profiles")
                        || m.contains("without admission-webhook")
                        || m.contains("without pvcviewer-controller"))
                .hasSize(CatalogMatch.coreOf(Catalogs.builtin().release("26.03.1"))
                        .size());
    }

    /**
     * Issue 15: a tree of a release kfboot has no catalog for (a v1.9 fork: no git, a README table no release has) is
     * never said to install a release it is not, although its objects are in other releases' facts: its core set is the
     * known releases' core components its example lists, and its components are the example's, rendered.
     */
    @Test
    void anUnknownReleaseIsMeasuredAgainstItsOwnExampleAndSaysSo() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .file(
                        "README.md",
                        "## Kubeflow Components Versions\n\n| Component | Path | Revision |\n| - | - | - |\n"
                                + "| Profiles | applications/profiles/upstream | [v1.9.0](https://example.org) |\n")
                .file("example/kustomization.yaml", """
                        resources:
                          - ../applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user
                          - ../applications/profiles/upstream/overlays/kubeflow
                          - ../common/user-namespace/base
                        """)
                .component(
                        "applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user", PIPELINES_WHOLE)
                .component("applications/profiles/upstream/overlays/kubeflow", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: profiles-deployment
                          namespace: kubeflow
                        """)
                .component("common/user-namespace/base", USER_NAMESPACE)
                .app("pipelines", 2, "apps/kfp", "kubeflow")
                .component("apps/kfp", PIPELINES);

        List<Finding> f = t.findings(new MissingComponent());

        String release =
                "unknown (derived from " + repo.toAbsolutePath().normalize().resolve("example") + ")";
        assertThat(f)
                .extracting(Finding::message)
                .noneMatch(m -> m.contains("26.03") || m.contains("v1.11.0"))
                .contains("the tree installs Kubeflow " + release
                        + " without profiles, which its example lists and known "
                        + "releases count in their core set: Derived from "
                        + repo.toAbsolutePath().normalize().resolve("example/kustomization.yaml") + " line 3.")
                .anyMatch(m -> m.startsWith(
                        "the tree installs Kubeflow " + release + " without user-namespace, which its example lists"))
                .contains("renders only 1 of the 3 objects of the pipelines derived from the tree's example (variant "
                        + Catalogs.builtin()
                                .forTree(repo)
                                .catalog()
                                .component("pipelines")
                                .orElseThrow()
                                .defaultVariant()
                                .name()
                        + "); missing -n kubeflow configmap/pipeline-install-config, -n kubeflow service/ml-pipeline");
        assertThat(f)
                .filteredOn(x -> x.severity() == Severity.INFO)
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .startsWith("release " + release
                        + ": no catalog for it (no git checkout; README version table matches no known "
                        + "release), so its 3 components come from the example: the core set is "
                        + "the known releases' core "
                        + "components its example lists (");
        assertThat(f)
                .filteredOn(x -> x.message().contains("core set"))
                .extracting(Finding::severity)
                .containsOnly(Severity.WARNING, Severity.INFO);
    }

    /**
     * A copy of a release with one component edited (no git, so only its files tell): measured against that
     * release, with the edited component's facts rendered from the tree, not its committed ones (which would call
     * the edited component's app a partial render) and not a catalog derived for the whole tree.
     */
    @Test
    void aReleaseCopyWithAnEditedComponentIsThatReleaseWithTheComponentRenderedFromTheTree() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .file(
                        "example/kustomization.yaml",
                        "resources:\n  - ../applications/pipelines\n  - ../applications/profiles\n")
                .component("applications/pipelines", PIPELINES_WHOLE)
                .component("applications/profiles", USER_NAMESPACE)
                .app("pipelines", 2, "applications/pipelines", "kubeflow")
                .app("profiles", 1, "applications/profiles", "kubeflow");
        Catalogs catalogs = release99ScannedFrom(t);
        // the fork drops pipelines' Service and ConfigMap: a file of the component changes, and what it renders
        t.component("applications/pipelines", PIPELINES)
                .file("applications/pipelines/drop-service.yaml", "$patch: delete\n");

        int scanRenders = t.rendered().size();

        List<Finding> f = t.validate(catalogs, List.of(new MissingComponent())).findings();

        assertThat(f)
                .extracting(Finding::message)
                .noneMatch(m -> m.contains("renders only"))
                .contains("release 9.9 of " + repo.toAbsolutePath().normalize()
                        + " (the files of 1 of its 2 components are 9.9's; changed: pipelines; the facts of "
                        + "pipelines rendered from the tree)");
        // the apps' renders only: the changed component's facts reuse its app's render of the same path, and
        // profiles' committed facts are used
        assertThat(t.rendered().subList(scanRenders, t.rendered().size()))
                .containsExactlyInAnyOrder("applications/pipelines", "applications/profiles");
    }

    /**
     * A copy of a release whose edited component still renders every object the release's does (a comment added):
     * the release's facts measure it, and its variant is not rendered again for facts the apps' renders already
     * show (here the app renders an overlay, so no app render could have answered the variant's).
     */
    @Test
    void anEditedComponentItsAppRendersWholeIsMeasuredByTheReleasesFactsWithoutARender() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .file(
                        "example/kustomization.yaml",
                        "resources:\n  - ../applications/pipelines\n  - ../applications/profiles\n")
                .component("applications/pipelines", PIPELINES_WHOLE)
                .component("applications/profiles", USER_NAMESPACE)
                .component("overlays/pipelines", PIPELINES_WHOLE)
                .app("pipelines", 2, "overlays/pipelines", "kubeflow")
                .app("profiles", 1, "applications/profiles", "kubeflow");
        Catalogs catalogs = release99ScannedFrom(t);
        t.file("applications/pipelines/kustomization.yaml", "resources: []\n# our fork's note\n");
        int scanRenders = t.rendered().size();

        List<Finding> f = t.validate(catalogs, List.of(new MissingComponent())).findings();

        assertThat(f)
                .extracting(Finding::message)
                .noneMatch(m -> m.contains("renders only") || m.contains("rendered from the tree"));
        assertThat(t.rendered().subList(scanRenders, t.rendered().size()))
                .containsExactlyInAnyOrder("overlays/pipelines", "applications/profiles");
    }

    /** Release 9.9 of pipelines and profiles, its facts scanned from the fixture's files as they are now. */
    private Catalogs release99ScannedFrom(TreeFixture t) {
        ReleaseCatalog release = new ReleaseCatalog(
                "9.9",
                DerivedCatalog.UPSTREAM_REPO,
                "v9.9",
                "",
                null,
                List.of(
                        TestCatalogs.component("pipelines", "applications/pipelines"),
                        TestCatalogs.component("profiles", "applications/profiles")));
        ReleaseFacts scanned = CatalogScanner.scan(release, repo, t.renderer(), TreeFixture.options(), r -> {})
                .facts();
        return Catalogs.builtin().with(release, scanned, "test");
    }
}
