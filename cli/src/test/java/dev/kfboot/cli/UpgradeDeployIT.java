package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.generate.ChildApp;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TreeOptions;
import dev.kfboot.generate.TreeSite;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderUnit;
import dev.kfboot.render.Rendered;
import dev.kfboot.render.Rendering;
import dev.kfboot.spec.Platform;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.upgrade.Change;
import dev.kfboot.upgrade.UpgradePlan;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's "done when": {@code deploy} of an upgrade tree on the mock API server lets Argo CD (the stand-in, which
 * applies what the app's overlay renders and refuses a changed selector as the API server does) replace the object
 * whose immutable field changes, through the object's sync options; kfboot itself deletes nothing. Without the
 * upgrade's options the same deploy fails on the immutable field, which is why they are there.
 */
class UpgradeDeployIT extends ClusterCliTest {

    private static final String NS = "kubeflow-system";
    private static final String NAME = "jobset-controller-manager";
    private static final String OLD_LABELS = "{control-plane: controller-manager}";
    private static final String NEW_LABELS = "{control-plane: controller-manager, app.kubernetes.io/name: jobset}";

    private static String deployment(String labels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {matchLabels: %s}
                  template:
                    metadata: {labels: %s}
                    spec: {containers: [{name: manager, image: "registry.k8s.io/jobset/jobset:v0.11.0"}]}
                """.formatted(NAME, NS, labels, labels);
    }

    private static UpgradePlan selectorChange() {
        ResourceId id = ResourceId.of("apps", "Deployment", NS, NAME);
        return new UpgradePlan(
                "26.03",
                "26.03.1",
                List.of(new Change(
                        Change.Type.IMMUTABLE,
                        Severity.WARNING,
                        "trainer",
                        "trainer",
                        id,
                        null,
                        "spec.selector",
                        OLD_LABELS,
                        NEW_LABELS,
                        "spec.selector changes",
                        "Force=true,Replace=true on this object",
                        "Force=true,Replace=true")),
                Map.of("trainer", 2),
                null,
                List.of());
    }

    /**
     * The 26.03.1 default platform's tree (from committed facts) inside a fork whose trainer path renders the new
     * Deployment; the cluster runs the old one; the stand-in gets what the trainer overlay renders with kustomize.
     */
    private Path upgradeTree(UpgradePlan plan) throws Exception {
        Kustomize.required();
        Path fork = dir.resolve("fork");
        // a checkout of the fork, as a user's is: its origin makes the app of apps' source local
        Files.createDirectories(fork.resolve(".git"));
        Files.writeString(
                fork.resolve(".git/config"),
                "[remote \"origin\"]\n\turl = https://github.com/kubeflow/manifests.git\n");
        Path trainer = Files.createDirectories(fork.resolve("applications/trainer/overlays"));
        Files.writeString(trainer.resolve("kustomization.yaml"), "resources: [deployment.yaml]\n");
        Files.writeString(trainer.resolve("deployment.yaml"), deployment(NEW_LABELS));
        GeneratedTree tree = Kfboot.quiet()
                .generate(
                        Platform.defaults("26.03.1"),
                        Sources.facts(),
                        new TreeOptions(
                                Layout.FORK,
                                new TreeSite("https://github.com/kubeflow/manifests.git", "26.03.1", "argocd"),
                                List.of(),
                                false,
                                plan));
        Path out = fork.resolve("argocd");
        TreeWriter.write(out, tree, false);
        ChildApp app = tree.apps().stream()
                .filter(a -> a.id().equals("trainer"))
                .findFirst()
                .orElseThrow();
        assertThat(app.source().path()).isEqualTo("argocd/overlays/trainer");
        Rendered r = Rendering.run(
                        List.of(RenderUnit.of("trainer", fork, app.source().path())),
                        RenderOptions.defaults(null),
                        x -> {})
                .rendered()
                .get(0);
        assertThat(r.ok()).as(String.valueOf(r.failure())).isTrue();
        cli.argo.manifests(app.name(), r.documents());
        cli.mock.create(deployment(OLD_LABELS));
        return out;
    }

    private Deployment live() {
        return cli.mock
                .client()
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName(NAME)
                .get();
    }

    @Test
    void argoCdReplacesTheDeploymentThroughItsSyncOptionsAndKfbootDeletesNothing() throws Exception {
        Path tree = upgradeTree(selectorChange());

        CliRun r = cli.run("deploy", tree.toString());

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(cli.argo.replaced()).containsExactly("Deployment " + NS + "/" + NAME);
        assertThat(live().getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "jobset");
        // the delete was the stand-in's (Argo CD's): kfboot deleted nothing and never touched the Deployment
        assertThat(cli.mock.requests())
                .isNotEmpty()
                .noneMatch(l -> l.startsWith("DELETE "))
                .noneMatch(l -> l.contains("/deployments"));
        // what Argo CD syncs is the overlay, whose render carries the option
        var application = cli.mock
                .client()
                .genericKubernetesResources("argoproj.io/v1alpha1", "Application")
                .inNamespace("argocd")
                .withName("kubeflow-trainer")
                .get();
        assertThat(String.valueOf(((Map<?, ?>) ((Map<?, ?>)
                                        application.getAdditionalProperties().get("spec"))
                                .get("source"))
                        .get("path")))
                .isEqualTo("argocd/overlays/trainer");
    }

    @Test
    void withoutTheUpgradesOptionsTheSameDeployFailsOnTheImmutableSelector() throws Exception {
        Path tree = upgradeTree(new UpgradePlan("26.03", "26.03.1", List.of(), Map.of(), null, List.of()));

        CliRun r = cli.run("deploy", tree.toString());

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("field is immutable");
        assertThat(cli.argo.replaced()).isEmpty();
        assertThat(live().getSpec().getSelector().getMatchLabels()).doesNotContainKey("app.kubernetes.io/name");
    }
}
