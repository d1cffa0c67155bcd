package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.Rendering;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.validate.rules.Rules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec.source.kustomize applied as Argo CD applies it, rendered by the real kustomize (issue 16, "what it missed"). */
class ArgoKustomizeTest {

    @TempDir
    Path repo;

    @TempDir
    Path cache;

    private static final String APP = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: web, namespace: argocd}
            spec:
              project: platform
              source:
                repoURL: %s
                targetRevision: main
                path: c/web
                kustomize:
                  namePrefix: team-
                  nameSuffix: -v2
                  namespace: team
                  images: [nginx=registry.acme.io/nginx:1.27]
                  commonLabels: {env: prod}
                  components: [../extra]
                  patches:
                    - path: replicas.yaml
                    - target: {kind: ConfigMap}
                      patch: |-
                        - op: add
                          path: /data/patched
                          value: "yes"
              destination: {server: https://kubernetes.default.svc, namespace: team}
              syncPolicy: {syncOptions: [CreateNamespace=true]}
            """;

    private TreeFixture tree() {
        return new TreeFixture(repo)
                .healthCheck()
                .file("tree/root.yaml", TreeFixture.application("root", null, "tree/apps", "argocd", new String[0], ""))
                .file("tree/apps/web.yaml", APP.formatted(TreeFixture.REPO))
                // the app's own namePrefix and image: Argo CD's kustomize edit replaces both
                .file(
                        "c/web/kustomization.yaml",
                        "resources:\n- deploy.yaml\n- cm.yaml\nnamePrefix: own-\n"
                                + "images:\n- name: nginx\n  newTag: '1.26'\n")
                .file("c/web/deploy.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web}
                        spec:
                          replicas: 1
                          selector: {matchLabels: {app: web}}
                          template:
                            metadata: {labels: {app: web}}
                            spec: {containers: [{name: web, image: nginx:1.25}]}
                        """)
                .file("c/web/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {a: b}\n")
                .file(
                        "c/web/replicas.yaml",
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n")
                .file("c/extra/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1alpha1
                        kind: Component
                        resources: [extra.yaml]
                        """)
                .file("c/extra/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {c: d}\n");
    }

    private Validation validate(TreeFixture t) {
        RenderOptions options = new RenderOptions(null, 1, Duration.ofSeconds(60), Kustomize.required());
        return new Validator(Catalogs.builtin(), Rendering::run, r -> {}, Rules.all())
                .validate(new ValidateRequest(t.tree(), repo, Map.of(), options, cache, null)
                        .withOptions(ValidateOptions.NONE.withRepoUrl(TreeFixture.REPO)));
    }

    @Test
    void namePrefixImagesLabelsPatchesComponentsAndNamespaceAreApplied() {
        Validation v = validate(tree());

        List<Inventory.Entry> web = v.context().inventory().of("web");
        assertThat(web)
                .extracting(e -> e.object().id().toString())
                .containsExactlyInAnyOrder(
                        "-n team deployment.apps/team-web-v2",
                        "-n team configmap/team-web-config-v2",
                        "-n team configmap/team-extra-v2");
        Map<String, Object> deploy = body(web, "Deployment");
        assertThat(deploy.toString()).contains("replicas=3", "image=registry.acme.io/nginx:1.27", "env=prod");
        assertThat(body(web, "ConfigMap").toString()).contains("patched=yes");
        assertThat(v.findings()).extracting(Finding::rule).doesNotContain("render-failed");
        // the user's tree is only read
        assertThat(repo.resolve("c/web/kustomization.yaml"))
                .content()
                .contains("namePrefix: own-")
                .doesNotContain("team-");
    }

    @Test
    void changingAnOptionRendersAgainThroughTheCache() {
        TreeFixture t = tree();
        validate(t);
        t.file("tree/apps/web.yaml", APP.formatted(TreeFixture.REPO).replace("namePrefix: team-", "namePrefix: blue-"));

        Validation v = validate(t);

        assertThat(v.context().inventory().of("web"))
                .extracting(e -> e.object().id().name())
                .contains("blue-web-v2")
                .doesNotContain("team-web-v2");
    }

    @Test
    void aMissingPatchFileIsARenderFailureNamingIt() {
        TreeFixture t = tree();
        t.file(
                "tree/apps/web.yaml",
                APP.formatted(TreeFixture.REPO).replace("path: replicas.yaml", "path: nowhere.yaml"));

        Validation v = validate(t);

        assertThat(v.findings())
                .filteredOn(f -> f.rule().equals("render-failed"))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).contains("kustomize patch nowhere.yaml does not exist in c/web"));
    }

    @Test
    void aPatchFileOutsideTheRepositoryIsRefusedUnread() {
        TreeFixture t = tree();
        t.file(
                "tree/apps/web.yaml",
                APP.formatted(TreeFixture.REPO).replace("path: replicas.yaml", "path: ../../../outside.yaml"));

        Validation v = validate(t);

        assertThat(v.findings())
                .filteredOn(f -> f.rule().equals("render-failed"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("kustomize patch ../../../outside.yaml", "leaves the repository"));
        assertThat(v.context().inventory().of("web")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(List<Inventory.Entry> entries, String kind) {
        Optional<Inventory.Entry> e = entries.stream()
                .filter(x -> x.object().groupKind().kind().equals(kind)
                        && !x.object().id().name().contains("extra"))
                .findFirst();
        return e.orElseThrow().object().body();
    }
}
