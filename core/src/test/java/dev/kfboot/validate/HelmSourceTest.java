package dev.kfboot.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 cause 3: Helm sources render in process, from the repository or from a local Helm cache. */
class HelmSourceTest {

    @TempDir
    Path repo;

    static Path resource(String name) {
        try {
            return Path.of(HelmSourceTest.class.getResource("/validate/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private TreeFixture withChart() {
        TreeFixture t = new TreeFixture(repo);
        Path chart = resource("charts/podinfo-lite");
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                t.file("charts/podinfo-lite/" + chart.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    private static Validation validate(TreeFixture t, Path helmCache) {
        return new Validator(Catalogs.builtin(), t.renderer(), r -> {}, Rules.all())
                .validate(t.request()
                        .withOptions(ValidateOptions.NONE
                                .withRepoUrl(TreeFixture.REPO)
                                .withHelmCache(helmCache)));
    }

    private static List<String> objects(Validation v, String app) {
        return v.context().inventory().of(app).stream()
                .map(e -> e.object().id() + " in " + e.namespace())
                .sorted()
                .toList();
    }

    private static Object data(Validation v, String app, String name) {
        for (Inventory.Entry e : v.context().inventory().of(app)) {
            if (e.object().id().name().equals(name))
                return ((Map<?, ?>) e.object().body().get("data")).get("message");
        }
        return null;
    }

    @Test
    void aChartOrValuesFileLinkingOutOfTheRepositoryIsRefusedUnread(@TempDir Path outside) throws IOException {
        // issue 14: Helm follows links while it loads a chart; .Files.Get or a values file would bring the target in
        Path secret = Files.writeString(outside.resolve("secret.txt"), "message: SENTINEL-helm-link\n");
        String app = """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: web, namespace: argocd}
                spec:
                  project: platform
                  source:
                    repoURL: %s
                    targetRevision: main
                    path: charts/podinfo-lite
                    helm: {valueFiles: [%s]}
                  destination: {server: https://kubernetes.default.svc, namespace: web}
                """;
        TreeFixture inChart = withChart()
                .root()
                .healthCheck()
                .file("tree/apps/web.yaml", app.formatted(TreeFixture.REPO, "values.yaml"));
        Files.createSymbolicLink(repo.resolve("charts/podinfo-lite/leak.txt"), secret);
        Validation linkedFile = validate(inChart, null);

        Files.delete(repo.resolve("charts/podinfo-lite/leak.txt"));
        Files.createDirectories(repo.resolve("values"));
        Files.createSymbolicLink(repo.resolve("values/mine.yaml"), secret); // beside the chart, in the repository
        inChart.file("tree/apps/web.yaml", app.formatted(TreeFixture.REPO, "../../values/mine.yaml"));
        Validation linkedValues = validate(inChart, null);

        for (Validation v : List.of(linkedFile, linkedValues)) {
            assertThat(v.findings())
                    .filteredOn(f -> f.rule().equals("render-failed"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).startsWith("refused to read outside the repository: "));
            assertThat(v.context().inventory().of("web")).isEmpty();
            assertThat(v.findings().toString()).doesNotContain("SENTINEL-helm-link");
        }
    }

    @Test
    void aChartInTheRepositoryRendersWithReleaseNameValuesAndParameters() {
        TreeFixture t = withChart().root().healthCheck().file("tree/apps/web.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: web
                  namespace: argocd
                spec:
                  project: platform
                  source:
                    repoURL: %s
                    targetRevision: main
                    path: charts/podinfo-lite
                    helm:
                      releaseName: frontend
                      valuesObject:
                        createNamespace: true
                      values: |
                        message: from-values
                      parameters:
                        - name: replicas
                          value: "3"
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: web
                """.formatted(TreeFixture.REPO));

        Validation v = validate(t, null);

        // the chart's Namespace counts as created: no namespace-order error for the app's own objects
        assertThat(objects(v, "web"))
                .containsExactly(
                        "-n web configmap/frontend-config in web",
                        "-n web deployment.apps/frontend in web",
                        "namespace/web in null");
        assertThat(data(v, "web", "frontend-config")).isEqualTo("from-values");
        assertThat(v.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(v.unverified()).isEmpty();
        for (Inventory.Entry e : v.context().inventory().of("web")) {
            if (e.object().id().kind().equals("Deployment"))
                assertThat(((Map<?, ?>) e.object().body().get("spec")).get("replicas"))
                        .isEqualTo(3);
        }
    }

    @Test
    void aChartFromARepositoryRendersFromTheHelmCacheWithValuesFromAnotherSource() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .healthCheck()
                .file("env/prod-values.yaml", "message: prod\n")
                .file("tree/apps/web.yaml", """
                        apiVersion: argoproj.io/v1alpha1
                        kind: Application
                        metadata:
                          name: web
                          namespace: argocd
                        spec:
                          project: platform
                          sources:
                            - repoURL: https://charts.acme.io/stable
                              chart: podinfo-lite
                              targetRevision: 1.2.3
                              helm:
                                valueFiles: [$values/env/prod-values.yaml]
                            - repoURL: %s
                              targetRevision: main
                              ref: values
                          destination:
                            server: https://kubernetes.default.svc
                            namespace: web
                          syncPolicy:
                            syncOptions: [CreateNamespace=true]
                        """.formatted(TreeFixture.REPO));

        Validation cached = validate(t, resource("helm-cache"));
        assertThat(objects(cached, "web"))
                .containsExactly("-n web configmap/web-config in web", "-n web deployment.apps/web in web");
        assertThat(data(cached, "web", "web-config")).isEqualTo("prod");
        assertThat(cached.unverified()).isEmpty();

        // not in the cache: the app is unverified (info), not an error
        Validation missing = validate(t, null);
        assertThat(missing.unverified()).containsOnlyKeys("web");
        assertThat(missing.findings())
                .filteredOn(f -> f.rule().equals("unverified"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message())
                            .contains("chart podinfo-lite 1.2.3 from "
                                    + "https://charts.acme.io/stable cannot be fetched offline");
                });
        assertThat(missing.findings())
                .as(missing.findings().toString())
                .extracting(Finding::severity)
                .doesNotContain(Severity.ERROR);
    }
}
