package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Json;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline around the rules: discovery, sources, hierarchy, outputs, unusable input. */
class ValidatorTest {

    static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  namespace: kubeflow\n";

    @TempDir
    Path repo;

    private Validation validate(TreeFixture t, Path dir, Map<String, Path> sources) {
        return new Validator(Catalogs.builtin(), t.renderer(), r -> {}, Rules.all())
                .validate(new ValidateRequest(dir, null, sources, TreeFixture.options(), null, null)
                        .withOptions(ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO)));
    }

    @Test
    void aKustomizationAggregatingTheAppsMakesTheRootTheirParent() {
        TreeFixture t = new TreeFixture(repo)
                .file("tree/apps/kustomization.yaml", "resources:\n- katib.yaml\n- ../../shared/kserve.yaml\n")
                .app("katib", 2, "c/katib", "kubeflow")
                .component("c/katib", CM.formatted("katib"))
                .file(
                        "shared/kserve.yaml",
                        TreeFixture.application("kserve", 3, "c/kserve", "kubeflow", new String[0], ""))
                .component("c/kserve", CM.formatted("kserve"))
                .app("stray", 1, "c/katib", "kubeflow") // in the directory but not in the kustomization
                .root();

        Validation v = t.validate(List.of());
        AppHierarchy h = hierarchy(t);

        // issue 16 cause 2: Argo CD deploys what the kustomization lists; the stray file is no Application of the tree
        assertThat(v.apps()).isEqualTo(3);
        assertThat(tree(t).apps()).extracting(TreeApp::id).doesNotContain("stray");
        assertThat(h.children("root")).containsExactly("katib", "kserve");
        assertThat(h.order("kserve", "katib").relation()).isEqualTo(AppHierarchy.Relation.AFTER);
        assertThat(t.rendered()).containsExactlyInAnyOrder("c/katib", "c/kserve");
    }

    @Test
    void nestedAppsOfAppsAreOrderedByTheWavesOfTheirBranches() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("infra", 0, "tree/infra", "argocd")
                .app("platform", 1, "tree/platform", "argocd")
                .file(
                        "tree/infra/cert-manager.yaml",
                        TreeFixture.application("cert-manager", 5, "c/cm", "cert-manager", new String[0], ""))
                .file(
                        "tree/platform/katib.yaml",
                        TreeFixture.application("katib", 0, "c/katib", "kubeflow", new String[0], ""))
                .component("c/cm", CM.formatted("cm"))
                .component("c/katib", CM.formatted("katib"));

        AppHierarchy h = hierarchy(t);

        assertThat(h.parents()).containsExactly("infra", "platform", "root");
        AppHierarchy.Order o = h.order("katib", "cert-manager");
        assertThat(o).isEqualTo(new AppHierarchy.Order(AppHierarchy.Relation.AFTER, "root", 1, 0));
        assertThat(h.order("cert-manager", "katib").relation()).isEqualTo(AppHierarchy.Relation.BEFORE);
    }

    @Test
    void applicationSetListGeneratorsBecomeOneAppPerElement() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .component("c/katib", CM.formatted("katib"))
                .component("c/kserve", CM.formatted("kserve"))
                .file("tree/apps/prod-cluster.yaml", """
                        apiVersion: v1
                        kind: Secret
                        metadata:
                          name: prod
                          labels:
                            argocd.argoproj.io/secret-type: cluster
                        stringData:
                          name: prod
                          server: https://prod.example.com
                        """)
                .file("tree/apps/set.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: ApplicationSet
                        metadata:
                          name: components
                          namespace: argocd
                        spec:
                          generators:
                            - matrix:
                                generators:
                                  - clusters: {}
                                  - list:
                                      elements:
                                        - {component: katib, wave: "2"}
                                        - {component: kserve, wave: "3"}
                          template:
                            metadata:
                              name: '{{component}}-{{name}}'
                              annotations:
                                argocd.argoproj.io/sync-wave: '{{wave}}'
                            spec:
                              project: platform
                              source:
                                repoURL: https://github.com/acme/platform.git
                                path: c/{{component}}
                              destination:
                                server: '{{server}}'
                                namespace: kubeflow
                        """);

        Validation v = t.validate(List.of());
        List<TreeApp> apps = TreeReader.read(t.tree(), t.repo(), LOCAL).apps();

        // the clusters generator: the tree's cluster Secret and Argo CD's own cluster
        assertThat(apps)
                .extracting(TreeApp::id)
                .containsExactly("root", "katib-prod", "kserve-prod", "katib-in-cluster", "kserve-in-cluster");
        assertThat(apps.get(2).appSet()).isEqualTo("components");
        assertThat(apps.get(2).app().syncWave()).isEqualTo(3);
        assertThat(apps.get(2).app().destinationServer()).isEqualTo("https://prod.example.com");
        assertThat(apps.get(2).location().toString()).isEqualTo("tree/apps/set.yaml:16");
        assertThat(t.rendered()).containsExactlyInAnyOrder("c/katib", "c/katib", "c/kserve", "c/kserve");
        assertThat(v.objects()).isEqualTo(5); // and the cluster Secret the root deploys itself (issue 16 cause 1)
    }

    @Test
    void otherRepositoriesResolveThroughSourcesOrAreReported(@TempDir Path upstream) throws Exception {
        Files.createDirectories(upstream.resolve("applications/katib"));
        Files.writeString(upstream.resolve("applications/katib/kustomization.yaml"), "resources: []\n");
        TreeFixture t = new TreeFixture(repo)
                .root()
                .file(
                        "tree/apps/katib.yaml",
                        TreeFixture.application("katib", 2, "applications/katib", "kubeflow", new String[0], "")
                                .replace(TreeFixture.REPO, "https://github.com/kubeflow/manifests.git"))
                .file(
                        "tree/apps/kserve.yaml",
                        TreeFixture.application("kserve", 2, "applications/kserve", "kubeflow", new String[0], "")
                                .replace(TreeFixture.REPO, "https://github.com/kubeflow/manifests.git"))
                .file(
                        ".git/config",
                        "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:acme/platform.git\n");
        Files.createDirectories(upstream.resolve("applications/kserve"));
        Files.writeString(upstream.resolve("applications/kserve/kustomization.yaml"), "resources: []\n");
        t.component("applications/katib", "").component("applications/kserve", "");

        Validation mapped = validate(t, t.tree(), Map.of("https://github.com/kubeflow/manifests", upstream));
        assertThat(mapped.repo().originUrl()).isEqualTo("git@github.com:acme/platform.git");
        assertThat(mapped.repo().how()).isEqualTo("git top-level");
        assertThat(mapped.findings()).noneMatch(f -> f.rule().equals("path-not-found"));

        // issue 16 cause 5: another repository without --source is unverified, once per repository, not path-not-found
        Validation unmapped = validate(t, t.tree(), Map.of());
        assertThat(unmapped.findings()).noneMatch(f -> f.rule().equals("path-not-found"));
        assertThat(unmapped.findings())
                .filteredOn(f -> f.rule().equals("unverified"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message())
                            .isEqualTo("repository https://github.com/kubeflow/manifests.git has no local checkout: "
                                    + "2 apps unverified (katib, kserve)");
                    assertThat(f.hint())
                            .isEqualTo("pass --source "
                                    + "https://github.com/kubeflow/manifests.git=DIR with a checkout of it");
                });
    }

    @Test
    void aKustomizationListingFilesOutsideTheRepositoryIsNotFollowedThere(@TempDir Path outside) throws Exception {
        // the tree's own kustomization names an Application (and a directory) outside the repository: Argo CD's repo
        // server would refuse it, and kfboot reads neither
        Files.writeString(
                outside.resolve("stray.yaml"),
                TreeFixture.application("stray", 1, "c/stray", "kubeflow", new String[0], ""));
        Files.createDirectories(outside.resolve("more"));
        Files.writeString(outside.resolve("more/kustomization.yaml"), "resources: [../stray.yaml]\n");
        String up = repo.resolve("tree").relativize(outside).toString();
        TreeFixture t = new TreeFixture(repo)
                .app("katib", 2, "c/katib", "kubeflow")
                .component("c/katib", CM.formatted("k"))
                .file(
                        "tree/kustomization.yaml",
                        "resources: [apps/katib.yaml, " + up + "/stray.yaml, " + up + "/more]\n");

        List<TreeApp> apps = TreeReader.read(t.tree(), t.repo(), LOCAL).apps();

        assertThat(apps).extracting(TreeApp::id).containsExactly("katib");
    }

    @Test
    void withoutGitTheRootIsTheTreeItselfNotAParentWhereTheAppsPathsExist() {
        // climbing to a parent where c/katib exists would let a tree choose what is read, up to /
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "c/katib", "kubeflow")
                .component("c/katib", CM.formatted("k"));

        RepoRoot r = tree(t).repo();
        Validation v = validate(t, t.tree(), Map.of());

        assertThat(r.dir()).isEqualTo(t.tree().toAbsolutePath().normalize());
        assertThat(r.how()).contains("no git").contains("--repo-root");
        assertThat(v.findings())
                .filteredOn(f -> f.rule().equals("path-not-found"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("path tree/apps does not exist in the repository ("
                                + t.tree().toAbsolutePath().normalize() + ")"));
        assertThat(v.rendered()).isZero();
    }

    @Test
    void jsonAndSarifCarryEveryFinding() throws Exception {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("web-apps", 4, "'applications/*/overlays/istio'", "kubeflow")
                .app("katib", 2, "c/katib", "kubeflow")
                .component("c/katib", CM.formatted("k"));
        Validation v = t.validate(Rules.all());

        JsonNode json = Json.mapper().readTree(ValidationJson.write(v));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("findings", "summary");
        assertThat(json.get("summary").get("errors").asLong()).isEqualTo(v.count(Severity.ERROR));
        JsonNode first = json.get("findings").get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("rule", "severity", "app", "resource", "file", "line", "message", "hint");

        JsonNode sarif = Json.mapper().readTree(Sarif.write(v.findings(), Rules.all(), "1.0", "https://docs.example/"));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules"))
                .hasSize(Rules.all().size());
        JsonNode rule = run.get("tool").get("driver").get("rules").get(0);
        assertThat(rule.get("id").asText()).isEqualTo("path-not-found");
        assertThat(rule.get("helpUri").asText()).isEqualTo("https://docs.example/docs/rules/path-not-found.md");
        assertThat(rule.get("help").get("markdown").asText()).startsWith("# path-not-found");
        JsonNode glob = null;
        for (JsonNode r : run.get("results")) if (r.get("ruleId").asText().equals("path-not-found")) glob = r;
        assertThat(glob).isNotNull();
        assertThat(glob.get("level").asText()).isEqualTo("error");
        assertThat(glob.get("ruleIndex").asInt()).isZero();
        JsonNode loc = glob.get("locations").get(0).get("physicalLocation");
        assertThat(loc.get("artifactLocation").get("uri").asText()).isEqualTo("tree/apps/web-apps.yaml");
        assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(13);
        assertThat(run.get("results")).hasSize(v.findings().size());
    }

    @Test
    void unusableInputStopsWithTheFileAndLine() {
        TreeFixture t = new TreeFixture(repo).root().file("tree/apps/bad.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: bad
                  name: twice
                """);
        assertThatThrownBy(() -> t.validate(List.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("duplicate key 'name'")
                .satisfies(
                        e -> assertThat(((InputException) e).location().line()).isEqualTo(5));

        TreeFixture empty = new TreeFixture(repo.resolve("empty")).file("tree/readme.yaml", "a: b\n");
        assertThatThrownBy(() -> empty.validate(List.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no Argo CD Application or ApplicationSet found");
    }

    @Test
    void upstreamFilesThatOnlyLookLikeArgoAndDoNotParseAreSkipped() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("katib", 2, "c/katib", "kubeflow")
                .component("c/katib", CM.formatted("k"))
                .file("tree/vendor/crd.yaml", "group: argoproj.io\nkind: Workflow\nkind: twice\n");

        assertThat(t.validate(List.of()).apps()).isEqualTo(2);
    }

    private static final TreeReader.Locality LOCAL = new TreeReader.Locality(Map.of(), TreeFixture.REPO, List.of());

    private static Tree tree(TreeFixture t) {
        return TreeReader.read(t.tree(), null, LOCAL);
    }

    private static AppHierarchy hierarchy(TreeFixture t) {
        Tree tree = TreeReader.read(t.tree(), t.repo(), LOCAL);
        SourceResolver r = new SourceResolver(tree.repo(), Map.of(), TreeFixture.REPO);
        Map<String, List<ResolvedSource>> sources = new LinkedHashMap<>();
        for (TreeApp a : tree.apps()) sources.put(a.id(), r.resolve(a));
        return AppHierarchy.of(tree.apps(), sources, tree.dir());
    }
}
